package org.negotiationledger.api.security;

import java.util.Locale;
import org.negotiationledger.api.param.CleanText;

/**
 * What a principal must be, whether a configured user's name or a bearer token's principal claim: it is
 * recorded with every event the user causes, keys their idempotency records and is put on every log line of
 * their requests, so it is text that reads as it is stored, on one line, and fits the principal columns. The
 * names the ledger records under itself are reserved, so that no user or token can pass for them.
 */
public final class Principals {

    /** The principal columns ({@code idempotency_record}, {@code import_batch}) are {@code VARCHAR(200)}. */
    static final int MAX_LENGTH = 200;

    /** The prefix of the jar's {@code import} default principal ({@code operator:<user name>}). */
    static final String OPERATOR_PREFIX = "operator:";

    private Principals() {}

    /** What is wrong with {@code name} as a principal, or null when it is a good one. */
    public static String problem(String name) {
        if (name == null || name.isEmpty()) {
            return "is empty";
        }
        if (name.length() > MAX_LENGTH) {
            return "is longer than " + MAX_LENGTH + " characters";
        }
        String unclean = CleanText.problem(name);
        if (unclean != null) {
            return unclean;
        }
        for (int i = 0; i < name.length(); ) {
            int c = name.codePointAt(i);
            if (!visible(c)) {
                return String.format(
                        "contains white space or an invisible character (U+%04X) at character %d; "
                                + "a principal is visible characters only",
                        c, i);
            }
            i += Character.charCount(c);
        }
        String folded = name.toLowerCase(Locale.ROOT);
        if (folded.equals(SecurityConfig.DEMO_LOADER) || folded.startsWith(OPERATOR_PREFIX)) {
            return "is reserved: the ledger records under '" + SecurityConfig.DEMO_LOADER + "' and '" + OPERATOR_PREFIX
                    + "...' itself";
        }
        return null;
    }

    private static boolean visible(int c) {
        if (Character.isWhitespace(c) || Character.isSpaceChar(c)) {
            return false;
        }
        return switch (Character.getType(c)) {
            case Character.CONTROL,
                    Character.FORMAT,
                    Character.UNASSIGNED,
                    Character.PRIVATE_USE,
                    Character.SURROGATE -> false;
            // Characters that render as blank although Unicode counts them as letters or symbols.
            default -> c != 0x115F && c != 0x1160 && c != 0x3164 && c != 0xFFA0 && c != 0x2800 && c != 0x180E;
        };
    }
}

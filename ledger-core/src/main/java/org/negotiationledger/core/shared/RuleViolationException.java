package org.negotiationledger.core.shared;

/**
 * A command breaks a rule of the domain; the command records nothing. {@code field} names the command field
 * at fault where there is one, so a client can be told which of its inputs to correct.
 */
public class RuleViolationException extends RuntimeException {

    private final String field;

    public RuleViolationException(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }

    public static void check(boolean holds, String field, String message) {
        if (!holds) {
            throw new RuleViolationException(field, message);
        }
    }
}

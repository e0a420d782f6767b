package org.negotiationledger.projections.tables;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * Long {@code IN (…)} lists cut into statements of at most {@value #CHUNK} values: a database bounds the
 * parameters of one statement (PostgreSQL's protocol at 32767), and a long list plans no better than a few
 * short ones.
 */
public final class InLists {

    /** Values per statement. */
    public static final int CHUNK = 500;

    private InLists() {}

    /** The values in order, in consecutive chunks of at most {@value #CHUNK}; none for none. */
    public static <T> List<List<T>> chunks(Collection<T> values) {
        List<T> all = List.copyOf(values);
        List<List<T>> chunks = new ArrayList<>((all.size() + CHUNK - 1) / CHUNK);
        for (int from = 0; from < all.size(); from += CHUNK) {
            chunks.add(all.subList(from, Math.min(all.size(), from + CHUNK)));
        }
        return chunks;
    }

    /** {@code ?, ?, ?} for {@code count} values (at least one), to put between the parentheses. */
    public static String placeholders(int count) {
        return "?, ".repeat(count - 1) + "?";
    }
}

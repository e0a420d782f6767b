package org.negotiationledger.api.problem;

import java.util.function.Predicate;

/** A failure's chain of causes, walked once for all who look for something in it. */
final class Causes {

    private Causes() {}

    /** The first cause in the chain (the failure itself included) of this type, or null. */
    static <T extends Throwable> T find(Throwable failure, Class<T> type) {
        return type.cast(first(failure, type::isInstance));
    }

    /** The first cause in the chain (the failure itself included) that passes the test, or null. */
    static Throwable first(Throwable failure, Predicate<Throwable> test) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (test.test(t)) {
                return t;
            }
        }
        return null;
    }
}

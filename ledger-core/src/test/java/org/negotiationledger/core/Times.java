package org.negotiationledger.core;

import java.time.Instant;
import org.negotiationledger.core.shared.Precision;
import org.negotiationledger.core.shared.StatedTime;

/** Short ways to state times in tests. */
public final class Times {

    private Times() {}

    public static StatedTime at(String text) {
        return StatedTime.parse(text, Precision.MINUTE);
    }

    public static StatedTime at(String text, Precision precision) {
        return StatedTime.parse(text, precision);
    }

    /** A record time long after every valid time in the tests: nothing is "in the future" of it. */
    public static final Instant RECEIVED = Instant.parse("2021-01-01T00:00:00Z");
}

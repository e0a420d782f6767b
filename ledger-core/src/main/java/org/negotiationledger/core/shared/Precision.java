package org.negotiationledger.core.shared;

import java.time.Duration;

/** How precisely a source states a time: to the minute (the default), the hour or the day. */
public enum Precision {
    MINUTE(Duration.ofMinutes(1)),
    HOUR(Duration.ofHours(1)),
    DAY(Duration.ofDays(1));

    private final Duration span;

    Precision(Duration span) {
        this.span = span;
    }

    /** The length of the interval that a time stated at this precision denotes. */
    public Duration span() {
        return span;
    }
}

package org.negotiationledger.core.shared;

import java.time.DayOfWeek;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;

/**
 * How precisely a source states a time: to the minute (the default), the hour, the day, the week or the month.
 * A time stated at a coarser precision denotes the whole hour, day, ISO week (Monday to Sunday) or calendar
 * month that holds it, in the local time it was stated in: incident data often gives no more (ACLED's
 * {@code time_precision} 2 and 3, a week or a month).
 */
public enum Precision {
    MINUTE,
    HOUR,
    DAY,
    WEEK,
    MONTH;

    /** The first local minute of the interval that holds {@code local}. */
    public LocalDateTime start(LocalDateTime local) {
        LocalDateTime minute = local.truncatedTo(ChronoUnit.MINUTES);
        return switch (this) {
            case MINUTE -> minute;
            case HOUR -> minute.truncatedTo(ChronoUnit.HOURS);
            case DAY -> minute.truncatedTo(ChronoUnit.DAYS);
            case WEEK -> minute.truncatedTo(ChronoUnit.DAYS).with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
            case MONTH -> minute.truncatedTo(ChronoUnit.DAYS).withDayOfMonth(1);
        };
    }

    /** The first local minute after the interval that begins at {@code start}. */
    public LocalDateTime end(LocalDateTime start) {
        return switch (this) {
            case MINUTE -> start.plusMinutes(1);
            case HOUR -> start.plusHours(1);
            case DAY -> start.plusDays(1);
            case WEEK -> start.plusWeeks(1);
            case MONTH -> start.plusMonths(1);
        };
    }
}

package org.negotiationledger.core.shared;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAccessor;
import java.time.temporal.TemporalQueries;
import java.util.Objects;

/**
 * A valid time as a source states it: the local date-time, its UTC offset, the zone id when one was given,
 * the UTC instant it denotes, and its {@link Precision}.
 *
 * <p>A time stated to the hour, the day, the week or the month denotes that whole hour, day, ISO week or
 * calendar month (in the stated local time, at its stated offset).
 * Rule checks are lenient: an interval passes a check when any instant of it would
 * ({@link #earliest()}, {@link #latest()}). Ordering and time-to-break count the {@link #latest()} instant,
 * so the ledger never claims a break earlier than its sources allow. A time stated to the minute is exact.
 */
public record StatedTime(LocalDateTime local, ZoneOffset offset, String zone, Instant utc, Precision precision) {

    public StatedTime {
        Objects.requireNonNull(local, "local");
        Objects.requireNonNull(offset, "offset");
        Objects.requireNonNull(precision, "precision");
        Instant derived = local.toInstant(offset);
        if (utc == null) {
            utc = derived;
        } else if (!utc.equals(derived)) {
            throw new IllegalArgumentException("utc " + utc + " does not match " + local + offset);
        }
        if (zone != null) {
            ZoneId.of(zone); // fails on an unknown zone id
        }
    }

    public static StatedTime of(LocalDateTime local, ZoneOffset offset, String zone, Precision precision) {
        return new StatedTime(local, offset, zone, null, precision);
    }

    /**
     * Parses the contract's time syntax: ISO-8601 with an offset, optionally followed by a zone id in
     * brackets ({@code 2020-10-10T12:00+04:00[Asia/Baku]}). A time without an offset is refused, and so is
     * an offset that the zone did not have at that local time.
     *
     * @throws IllegalArgumentException with a message fit for the client
     */
    public static StatedTime parse(String text, Precision precision) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("a time is required");
        }
        TemporalAccessor parsed;
        try {
            parsed = DateTimeFormatter.ISO_DATE_TIME.parse(text);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("'" + text
                    + "' is not an ISO-8601 date-time with an offset, e.g. 2020-10-10T12:00+04:00[Asia/Baku]");
        }
        ZoneOffset offset = parsed.query(TemporalQueries.offset());
        if (offset == null) {
            throw new IllegalArgumentException("'" + text
                    + "' has no UTC offset; state it, e.g. 2020-10-10T12:00+04:00 (a zone id alone is ambiguous)");
        }
        LocalDateTime local = LocalDateTime.from(parsed);
        ZoneId zone = parsed.query(TemporalQueries.zoneId());
        String zoneId = null;
        if (zone != null && !(zone instanceof ZoneOffset)) {
            try {
                ZonedDateTime.ofStrict(local, offset, zone);
            } catch (DateTimeException e) {
                throw new IllegalArgumentException(
                        "'" + text + "': zone " + zone + " did not have offset " + offset + " at that time");
            }
            zoneId = zone.getId();
        }
        return of(local, offset, zoneId, precision == null ? Precision.MINUTE : precision);
    }

    /** The first instant of the interval this time denotes (the stated instant itself at {@code MINUTE}). */
    public Instant earliest() {
        return precision == Precision.MINUTE ? utc : precision.start(local).toInstant(offset);
    }

    /**
     * The latest instant of the interval, to the minute: the stated instant itself at {@code MINUTE}
     * precision, the last minute of the hour, day, week or month otherwise.
     */
    public Instant latest() {
        return precision == Precision.MINUTE
                ? utc
                : precision.end(precision.start(local)).toInstant(offset).minus(1, ChronoUnit.MINUTES);
    }

    /** The time as stated, in the contract's syntax: {@code 2020-10-10T12:00+04:00[Asia/Baku]}. */
    public String stated() {
        String text = local.atOffset(offset).toString();
        return zone == null ? text : text + "[" + zone + "]";
    }

    @Override
    public String toString() {
        return stated() + (precision == Precision.MINUTE ? "" : " (" + precision + ")");
    }
}

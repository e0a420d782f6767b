package org.negotiationledger.projections.fold;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import org.negotiationledger.core.shared.Precision;

/**
 * One fact on a negotiation's timeline. {@code validAtUtc} orders the timeline: the latest instant of the
 * stated time (imprecise times count at the end of their interval). A retraction has no valid time of its
 * own and stands at its record time; the opening of the negotiation has none either and stands first
 * ({@code validAtUtc} null). {@code validAt} is the time as the source stated it.
 *
 * @param entry the entry's number among those one event puts on this timeline (a truce: agreed, takes effect)
 * @param fact  what the entry says; its sentence is rendered where it is shown
 */
public record TimelineEntry(
        String negotiationId,
        long globalIndex,
        int entry,
        Instant validAtUtc,
        String validAt,
        Precision validAtPrecision,
        Instant recordedAt,
        String type,
        String recordId,
        TimelineFact fact) {

    /**
     * An entry as its row stores it. A row of view schema 1 has the sentence ({@code summary}) in place of the
     * fact, and reads as {@link TimelineFact.Worded}: such rows serve until the rebuild the raised schema asks
     * for takes over (and the live projection adds rows of the current schema beside them meanwhile).
     */
    @JsonCreator
    static TimelineEntry stored(
            @JsonProperty("negotiationId") String negotiationId,
            @JsonProperty("globalIndex") long globalIndex,
            @JsonProperty("entry") int entry,
            @JsonProperty("validAtUtc") Instant validAtUtc,
            @JsonProperty("validAt") String validAt,
            @JsonProperty("validAtPrecision") Precision validAtPrecision,
            @JsonProperty("recordedAt") Instant recordedAt,
            @JsonProperty("type") String type,
            @JsonProperty("recordId") String recordId,
            @JsonProperty("fact") TimelineFact fact,
            @JsonProperty("summary") String summary) {
        return new TimelineEntry(
                negotiationId,
                globalIndex,
                entry,
                validAtUtc,
                validAt,
                validAtPrecision,
                recordedAt,
                type,
                recordId,
                fact == null && summary != null ? new TimelineFact.Worded(summary) : fact);
    }
}

package org.negotiationledger.projections.fold;

import java.time.Instant;
import org.negotiationledger.core.shared.Precision;

/**
 * One fact on a negotiation's timeline. {@code validAtUtc} orders the timeline: the latest instant of the
 * stated time (imprecise times count at the end of their interval). A retraction has no valid time of its
 * own and stands at its record time; the opening of the negotiation has none either and stands first
 * ({@code validAtUtc} null). {@code validAt} is the time as the source stated it.
 *
 * @param entry the entry's number among those one event puts on this timeline (a truce: agreed, takes effect)
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
        String summary) {}

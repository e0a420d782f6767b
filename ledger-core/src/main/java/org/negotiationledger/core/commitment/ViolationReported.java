package org.negotiationledger.core.commitment;

import org.axonframework.serialization.Revision;
import org.negotiationledger.core.shared.ActorId;
import org.negotiationledger.core.shared.CommitmentId;
import org.negotiationledger.core.shared.StatedTime;
import org.negotiationledger.core.shared.ViolationId;

/**
 * A violation of a commitment was reported. {@code accused} is a party, {@link ActorId#UNKNOWN}, or a registered actor
 * that is not a party (a spoiler). {@code occurredUntil}: null, or the end of a range: the violation occurred sometime
 * from the earliest instant of {@code occurredAt} to the latest of {@code occurredUntil} (revision 2 added it; an
 * event stored at revision 1 reads it as null).
 */
@Revision("2") // the stored shape: raise it, with an upcaster, when a field changes (docs/domain.md)
public record ViolationReported(
        CommitmentId commitmentId,
        ViolationId violationId,
        ActorId reportedBy,
        ActorId accused,
        StatedTime occurredAt,
        StatedTime occurredUntil,
        Location location,
        String description,
        Casualties casualties,
        String source) {

    /** The latest instant the report's stated times allow: what ordering and time-to-break count. */
    public java.time.Instant latest() {
        return (occurredUntil == null ? occurredAt : occurredUntil).latest();
    }
}

package org.negotiationledger.core.commitment;

import org.axonframework.serialization.Revision;
import org.negotiationledger.core.shared.ActorId;
import org.negotiationledger.core.shared.CommitmentId;
import org.negotiationledger.core.shared.StatedTime;
import org.negotiationledger.core.shared.ViolationId;

/**
 * A violation of a commitment was reported. {@code accused} is a party, {@link ActorId#UNKNOWN}, or a registered actor
 * that is not a party (a spoiler).
 */
@Revision("1") // the stored shape: raise it, with an upcaster, when a field changes (docs/domain.md)
public record ViolationReported(
        CommitmentId commitmentId,
        ViolationId violationId,
        ActorId reportedBy,
        ActorId accused,
        StatedTime occurredAt,
        Location location,
        String description,
        Casualties casualties,
        String source) {}

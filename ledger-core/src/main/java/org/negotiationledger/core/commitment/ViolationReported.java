package org.negotiationledger.core.commitment;

import org.negotiationledger.core.shared.ActorId;
import org.negotiationledger.core.shared.CommitmentId;
import org.negotiationledger.core.shared.StatedTime;
import org.negotiationledger.core.shared.ViolationId;

/** A violation of a commitment was reported. {@code accused} is a party or {@link ActorId#UNKNOWN}. */
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

package org.negotiationledger.core.commitment;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.negotiationledger.core.shared.CommitmentId;
import org.negotiationledger.core.shared.StatedTime;

/** End a commitment explicitly. */
public record EndCommitment(
        @TargetAggregateIdentifier CommitmentId commitmentId,
        EndReason reason,
        StatedTime endedAt,
        String note,
        Long expectedVersion) {
}

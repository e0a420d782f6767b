package org.negotiationledger.core.commitment;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.negotiationledger.core.shared.CommitmentId;
import org.negotiationledger.core.shared.StatedTime;

/**
 * End a commitment explicitly. {@code receivedAt}: when the ledger received the command (the server's clock),
 * which {@code endedAt} may not be after.
 */
public record EndCommitment(
        @TargetAggregateIdentifier CommitmentId commitmentId,
        EndReason reason,
        StatedTime endedAt,
        String note,
        Instant receivedAt,
        Long expectedVersion) {}

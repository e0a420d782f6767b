package org.negotiationledger.core.commitment;

import java.time.Instant;
import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.negotiationledger.core.shared.ActorId;
import org.negotiationledger.core.shared.CommitmentId;
import org.negotiationledger.core.shared.StatedTime;

/**
 * Move a truce's expiry later: the same commitment runs on, now until {@code expiresAt}. {@code agreedBy}: the
 * parties or brokers who agreed the extension; {@code announcedAt} optional. {@code receivedAt}: when the ledger
 * received the command (the server's clock), which the agreed and announced times may not be after.
 */
public record ExtendCommitment(
        @TargetAggregateIdentifier CommitmentId commitmentId,
        StatedTime expiresAt,
        StatedTime agreedAt,
        StatedTime announcedAt,
        List<ActorId> agreedBy,
        String source,
        String note,
        Instant receivedAt,
        Long expectedVersion) {}

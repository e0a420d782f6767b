package org.negotiationledger.core.commitment;

import java.time.Instant;
import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.negotiationledger.core.shared.ActorId;
import org.negotiationledger.core.shared.CommitmentId;
import org.negotiationledger.core.shared.NegotiationId;
import org.negotiationledger.core.shared.StatedTime;

/**
 * Agree a ceasefire-type commitment. {@code renews} names an earlier commitment that stays in force;
 * each of {@code supersedes} ends when this one takes effect. Nullable: brokers, venue, expiresAt, terms,
 * renews, supersedes, source.
 * {@code receivedAt}: when the ledger received the command (the server's clock), which {@code agreedAt} may
 * not be after.
 */
public record AgreeTruce(
        @TargetAggregateIdentifier CommitmentId id,
        NegotiationId negotiationId,
        TruceKind kind,
        String title,
        List<ActorId> parties,
        List<ActorId> brokers,
        String venue,
        StatedTime agreedAt,
        StatedTime effectiveFrom,
        StatedTime expiresAt,
        List<String> terms,
        CommitmentId renews,
        List<CommitmentId> supersedes,
        String source,
        Instant receivedAt) {}

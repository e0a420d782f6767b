package org.negotiationledger.core.commitment;

import java.time.Instant;
import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.negotiationledger.core.shared.CommitmentId;
import org.negotiationledger.core.shared.StatedTime;

/**
 * Agree a ceasefire-type commitment: what every commitment states ({@link Undertaking}, its {@code agreedAt}
 * the truce's), and what only a truce has. {@code renews} names an earlier commitment that stays in force;
 * each of {@code supersedes} ends when this one takes effect. Nullable: expiresAt, renews, supersedes.
 * {@code receivedAt}: when the ledger received the command (the server's clock), which {@code agreedAt} may
 * not be after.
 */
public record AgreeTruce(
        @TargetAggregateIdentifier CommitmentId id,
        TruceKind kind,
        Undertaking undertaking,
        StatedTime expiresAt,
        CommitmentId renews,
        List<CommitmentId> supersedes,
        Instant receivedAt) {}

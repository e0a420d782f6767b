package org.negotiationledger.core.commitment;

import java.time.Instant;
import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.negotiationledger.core.shared.ActorId;
import org.negotiationledger.core.shared.CommitmentId;
import org.negotiationledger.core.shared.NegotiationId;
import org.negotiationledger.core.shared.StatedTime;

/**
 * Make an undertaking other than a truce. Nullable: brokers, venue, terms, source. {@code receivedAt}: when
 * the ledger received the command (the server's clock), which {@code madeAt} may not be after.
 */
public record MakePledge(
        @TargetAggregateIdentifier CommitmentId id,
        NegotiationId negotiationId,
        PledgeKind kind,
        String title,
        List<ActorId> parties,
        List<ActorId> brokers,
        String venue,
        StatedTime madeAt,
        StatedTime effectiveFrom,
        List<String> terms,
        String source,
        Instant receivedAt) {}

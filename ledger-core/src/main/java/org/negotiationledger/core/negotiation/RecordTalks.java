package org.negotiationledger.core.negotiation;

import java.time.Instant;
import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.negotiationledger.core.shared.NegotiationId;
import org.negotiationledger.core.shared.StatedTime;
import org.negotiationledger.core.shared.TalksId;

/**
 * Record a round of talks held under a negotiation. {@code endedAt} and {@code outcome} may be null.
 * {@code receivedAt}: when the ledger received the command (the server's clock), which the talks' times may
 * not be after.
 */
public record RecordTalks(
        @TargetAggregateIdentifier NegotiationId negotiationId,
        TalksId talksId,
        String venue,
        StatedTime startedAt,
        StatedTime endedAt,
        List<Participant> participants,
        String outcome,
        Instant receivedAt,
        Long expectedVersion) {}

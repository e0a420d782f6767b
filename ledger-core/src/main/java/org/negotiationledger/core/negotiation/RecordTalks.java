package org.negotiationledger.core.negotiation;

import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.negotiationledger.core.shared.NegotiationId;
import org.negotiationledger.core.shared.StatedTime;
import org.negotiationledger.core.shared.TalksId;

/** Record a round of talks held under a negotiation. {@code endedAt} and {@code outcome} may be null. */
public record RecordTalks(
        @TargetAggregateIdentifier NegotiationId negotiationId,
        TalksId talksId,
        String venue,
        StatedTime startedAt,
        StatedTime endedAt,
        List<Participant> participants,
        String outcome,
        Long expectedVersion) {
}

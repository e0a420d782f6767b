package org.negotiationledger.core.negotiation;

import java.util.List;
import org.negotiationledger.core.shared.NegotiationId;
import org.negotiationledger.core.shared.StatedTime;
import org.negotiationledger.core.shared.TalksId;

/** A round of talks was held. */
public record TalksRecorded(
        NegotiationId negotiationId,
        TalksId talksId,
        String venue,
        StatedTime startedAt,
        StatedTime endedAt,
        List<Participant> participants,
        String outcome) {}

package org.negotiationledger.core.negotiation;

import java.util.List;
import org.axonframework.serialization.Revision;
import org.negotiationledger.core.shared.NegotiationId;
import org.negotiationledger.core.shared.StatedTime;
import org.negotiationledger.core.shared.TalksId;

/** A round of talks was held. */
@Revision("1") // the stored shape: raise it, with an upcaster, when a field changes (docs/domain.md)
public record TalksRecorded(
        NegotiationId negotiationId,
        TalksId talksId,
        String venue,
        StatedTime startedAt,
        StatedTime endedAt,
        List<Participant> participants,
        String outcome) {}

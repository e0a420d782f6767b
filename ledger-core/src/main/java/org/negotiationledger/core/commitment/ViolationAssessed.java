package org.negotiationledger.core.commitment;

import org.axonframework.serialization.Revision;
import org.negotiationledger.core.shared.ActorId;
import org.negotiationledger.core.shared.CommitmentId;
import org.negotiationledger.core.shared.StatedTime;
import org.negotiationledger.core.shared.ViolationId;

/** A report was assessed. A later assessment of the same report replaces the earlier finding. */
@Revision("1") // the stored shape: raise it, with an upcaster, when a field changes (docs/domain.md)
public record ViolationAssessed(
        CommitmentId commitmentId,
        ViolationId violationId,
        AssessmentOutcome outcome,
        ActorId attributedTo,
        ActorId assessedBy,
        StatedTime assessedAt,
        String note) {}

package org.negotiationledger.core.commitment;

import org.negotiationledger.core.shared.ActorId;
import org.negotiationledger.core.shared.CommitmentId;
import org.negotiationledger.core.shared.StatedTime;
import org.negotiationledger.core.shared.ViolationId;

/** A report was assessed. A later assessment of the same report replaces the earlier finding. */
public record ViolationAssessed(
        CommitmentId commitmentId,
        ViolationId violationId,
        AssessmentOutcome outcome,
        ActorId attributedTo,
        ActorId assessedBy,
        StatedTime assessedAt,
        String note) {}

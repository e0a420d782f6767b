package org.negotiationledger.core.commitment;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.negotiationledger.core.shared.ActorId;
import org.negotiationledger.core.shared.CommitmentId;
import org.negotiationledger.core.shared.StatedTime;
import org.negotiationledger.core.shared.ViolationId;

/** Record a verifier's finding on a report. {@code receivedAt} is stamped by the server. */
public record AssessViolation(
        @TargetAggregateIdentifier CommitmentId commitmentId,
        ViolationId violationId,
        AssessmentOutcome outcome,
        ActorId attributedTo,
        ActorId assessedBy,
        StatedTime assessedAt,
        String note,
        Instant receivedAt,
        Long expectedVersion) {}

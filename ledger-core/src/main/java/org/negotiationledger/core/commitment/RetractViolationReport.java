package org.negotiationledger.core.commitment;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.negotiationledger.core.shared.ActorId;
import org.negotiationledger.core.shared.CommitmentId;
import org.negotiationledger.core.shared.ViolationId;

/** Withdraw a report: by its reporter, or by a broker of the commitment or a mediator of its negotiation. */
public record RetractViolationReport(
        @TargetAggregateIdentifier CommitmentId commitmentId,
        ViolationId violationId,
        ActorId retractedBy,
        String reason,
        Long expectedVersion) {}

package org.negotiationledger.core.commitment;

import org.negotiationledger.core.shared.ActorId;
import org.negotiationledger.core.shared.CommitmentId;
import org.negotiationledger.core.shared.ViolationId;

/** A report was withdrawn; it no longer stands. */
public record ViolationReportRetracted(
        CommitmentId commitmentId, ViolationId violationId, ActorId retractedBy, String reason) {}

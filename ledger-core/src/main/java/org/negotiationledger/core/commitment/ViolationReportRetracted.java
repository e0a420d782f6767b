package org.negotiationledger.core.commitment;

import org.axonframework.serialization.Revision;
import org.negotiationledger.core.shared.ActorId;
import org.negotiationledger.core.shared.CommitmentId;
import org.negotiationledger.core.shared.ViolationId;

/** A report was withdrawn; it no longer stands. */
@Revision("1") // the stored shape: raise it, with an upcaster, when a field changes (docs/domain.md)
public record ViolationReportRetracted(
        CommitmentId commitmentId, ViolationId violationId, ActorId retractedBy, String reason) {}

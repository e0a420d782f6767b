package org.negotiationledger.core.commitment;

import org.axonframework.serialization.Revision;
import org.negotiationledger.core.shared.CommitmentId;
import org.negotiationledger.core.shared.StatedTime;

/** A commitment was ended explicitly. */
@Revision("1") // the stored shape: raise it, with an upcaster, when a field changes (docs/domain.md)
public record CommitmentEnded(CommitmentId commitmentId, EndReason reason, StatedTime endedAt, String note) {}

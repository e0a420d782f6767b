package org.negotiationledger.core.commitment;

import org.negotiationledger.core.shared.CommitmentId;
import org.negotiationledger.core.shared.StatedTime;

/** A commitment was ended explicitly. */
public record CommitmentEnded(CommitmentId commitmentId, EndReason reason, StatedTime endedAt, String note) {}

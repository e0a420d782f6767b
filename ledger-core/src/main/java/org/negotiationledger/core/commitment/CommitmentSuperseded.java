package org.negotiationledger.core.commitment;

import org.negotiationledger.core.shared.CommitmentId;
import org.negotiationledger.core.shared.StatedTime;

/** A later commitment supersedes this one; this one ends (reason SUPERSEDED) at {@code effectiveAt}. */
public record CommitmentSuperseded(CommitmentId commitmentId, CommitmentId supersededBy, StatedTime effectiveAt) {}

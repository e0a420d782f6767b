package org.negotiationledger.core.commitment;

import org.axonframework.serialization.Revision;
import org.negotiationledger.core.shared.CommitmentId;
import org.negotiationledger.core.shared.StatedTime;

/** A later commitment supersedes this one; this one ends (reason SUPERSEDED) at {@code effectiveAt}. */
@Revision("1") // the stored shape: raise it, with an upcaster, when a field changes (docs/domain.md)
public record CommitmentSuperseded(CommitmentId commitmentId, CommitmentId supersededBy, StatedTime effectiveAt) {}

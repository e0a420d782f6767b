package org.negotiationledger.core.commitment;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.negotiationledger.core.shared.CommitmentId;
import org.negotiationledger.core.shared.StatedTime;

/**
 * Mark a commitment as superseded by a later one, ending it when that one takes effect. Sent by
 * {@link SupersessionPolicy}, not by clients: a client states supersession on the new truce.
 */
public record SupersedeCommitment(
        @TargetAggregateIdentifier CommitmentId commitmentId, CommitmentId supersededBy, StatedTime effectiveAt) {}

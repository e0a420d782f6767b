package org.negotiationledger.projections.fold;

import java.time.Instant;
import java.util.List;

/** A negotiation as the views know it. {@code lastSequence}: see {@link CommitmentState}. */
public record NegotiationState(String id, String title, List<String> parties, List<String> mediators,
        Instant recordedAt, long lastSequence) {
}

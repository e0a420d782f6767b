package org.negotiationledger.projections.fold;

import java.util.List;

/**
 * Where {@link ViewFold} reads and writes the views' state: in memory for a reference fold, in tables for
 * the live projection. The fold decides everything; a store only keeps.
 */
public interface ViewStore {

    CommitmentState commitment(String id);

    void put(CommitmentState commitment);

    NegotiationState negotiation(String id);

    void put(NegotiationState negotiation);

    StatementState statement(String id);

    void put(StatementState statement);

    ActorState actor(String id);

    void put(ActorState actor);

    /** Replaces whatever entries this event put on timelines before (so a redelivered event changes nothing). */
    void putTimeline(long globalIndex, List<TimelineEntry> entries);
}

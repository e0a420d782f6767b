package org.negotiationledger.projections.fold;

import java.util.List;

/**
 * Where {@link ViewFold} reads and writes the views' state: in memory for a reference fold, in tables for
 * the live projection. The fold decides everything; a store only keeps.
 */
public interface ViewStore {

    /** The states of one kind, each under its id. */
    interface Shelf<S> {

        /** The state kept under {@code id}, or null. */
        S get(String id);

        /** Keeps {@code state} under its id, replacing what was there. */
        void put(S state);
    }

    Shelf<CommitmentState> commitments();

    Shelf<NegotiationState> negotiations();

    Shelf<StatementState> statements();

    Shelf<ActorState> actors();

    /** Replaces whatever entries this event put on timelines before (so a redelivered event changes nothing). */
    void putTimeline(long globalIndex, List<TimelineEntry> entries);
}

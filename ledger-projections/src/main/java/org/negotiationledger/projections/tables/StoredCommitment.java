package org.negotiationledger.projections.tables;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.negotiationledger.projections.fold.CommitmentState;
import org.negotiationledger.projections.fold.ReportState;

/**
 * A commitment as its rows hold it: its state with the reports ({@code view_commitment}, {@code view_report}),
 * and the actors those reports name ({@code view_commitment_actor}), or null where they are not known and are
 * counted from the reports. What a batch diffs a changed commitment against, and what is kept between batches.
 */
record StoredCommitment(CommitmentState state, Set<ActorRole> named) {

    /** An actor named by a commitment's reports, and how (ACCUSED, REPORTER). */
    record ActorRole(String actor, String role) {}

    /** The actors the reports name: as written, or counted from the reports. */
    Set<ActorRole> actors() {
        if (named != null) {
            return named;
        }
        Set<ActorRole> actors = new LinkedHashSet<>();
        state.reports().forEach(report -> addActors(actors, report));
        return actors;
    }

    /** The reports as stored, none for a commitment not stored yet. */
    static List<ReportState> reports(StoredCommitment stored) {
        return stored == null ? List.of() : stored.state().reports();
    }

    static void addActors(Set<ActorRole> actors, ReportState report) {
        actors.add(new ActorRole(report.accused(), "ACCUSED"));
        actors.add(new ActorRole(report.reportedBy(), "REPORTER"));
    }
}

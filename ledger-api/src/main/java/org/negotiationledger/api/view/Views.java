package org.negotiationledger.api.view;

import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.negotiationledger.api.problem.InvalidFieldException;
import org.negotiationledger.core.shared.Precision;
import org.negotiationledger.core.shared.StatedTime;
import org.negotiationledger.projections.fold.ActorState;
import org.negotiationledger.projections.fold.BrokenCommitment;
import org.negotiationledger.projections.fold.CommitmentState;
import org.negotiationledger.projections.fold.CommitmentView;
import org.negotiationledger.projections.fold.CommitmentViews;
import org.negotiationledger.projections.fold.PartyRecord;
import org.negotiationledger.projections.fold.StatementState;
import org.negotiationledger.projections.fold.TimelineEntry;
import org.negotiationledger.projections.store.ViewQueries;
import org.springframework.stereotype.Service;

/** Answers the view queries: reads folded state and judges it at the valid time asked for (or now). */
@Service
public class Views {

    private final ViewQueries queries;
    private final Clock clock;

    public Views(ViewQueries queries, Clock clock) {
        this.queries = queries;
        this.clock = clock;
    }

    /** The valid time a query is judged at: the one asked for, or now. */
    public Instant validAt(String text) {
        if (text == null) {
            return clock.instant();
        }
        try {
            return StatedTime.parse(text, Precision.MINUTE).utc();
        } catch (IllegalArgumentException e) {
            throw new InvalidFieldException("validAt", e.getMessage());
        }
    }

    public Optional<CommitmentView> commitment(String id, Instant at) {
        return queries.commitment(id).flatMap(state -> CommitmentViews.at(state, at));
    }

    public List<CommitmentView> commitments(String negotiationId, CommitmentView.Status status, String kind,
            Instant at) {
        return at(queries.commitments(negotiationId, kind), at).stream()
                .filter(v -> status == null || v.status() == status).toList();
    }

    public List<BrokenCommitment> broken(double hours, String negotiationId, String kind, Instant at) {
        long minutes = (long) Math.floor(hours * 60);
        return BrokenCommitment.within(hours, at(queries.brokenWithin(minutes, negotiationId, kind), at));
    }

    public Optional<List<TimelineEntry>> timeline(String negotiationId, Instant at) {
        if (queries.negotiation(negotiationId).isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(queries.timeline(negotiationId).stream().filter(e -> e.validAtUtc() == null || !e.validAtUtc().isAfter(at)).toList());
    }

    public Optional<PartyRecord> partyRecord(String actorId, Instant at) {
        Optional<ActorState> actor = queries.actor(actorId);
        return actor.map(a -> PartyRecord.of(a, queries.commitmentsConcerning(actorId),
                queries.statements(actorId, null, null), at));
    }

    public List<StatementState> statements(String author, String kind, String concerns, Instant at) {
        return queries.statements(author, kind, concerns).stream()
                .filter(s -> !s.issuedAt().earliest().isAfter(at)).toList();
    }

    private static List<CommitmentView> at(Collection<CommitmentState> states, Instant at) {
        return states.stream().map(s -> CommitmentViews.at(s, at)).flatMap(Optional::stream).toList();
    }
}

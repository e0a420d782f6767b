package org.negotiationledger.api.view;

import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.negotiationledger.core.shared.RecordNotFoundException;
import org.negotiationledger.projections.fold.ActorState;
import org.negotiationledger.projections.fold.BrokenCommitment;
import org.negotiationledger.projections.fold.CommitmentState;
import org.negotiationledger.projections.fold.CommitmentView;
import org.negotiationledger.projections.fold.CommitmentViews;
import org.negotiationledger.projections.fold.NegotiationState;
import org.negotiationledger.projections.fold.PartyRecord;
import org.negotiationledger.projections.fold.ReportState;
import org.negotiationledger.projections.fold.StatementState;
import org.negotiationledger.projections.fold.TimelineEntry;
import org.negotiationledger.projections.tables.ViewQueries;
import org.springframework.stereotype.Service;

/**
 * Answers the view queries: reads the folded state, cuts it to what the ledger knew at the record time asked
 * for ({@code asOf}, when given), and judges it at the valid time asked for (or now).
 */
@Service
public class Views {

    private final ViewQueries queries;
    private final Clock clock;

    public Views(ViewQueries queries, Clock clock) {
        this.queries = queries;
        this.clock = clock;
    }

    /** The two clocks of a query: the record time it is asked as of (null: now) and the valid time it judges at. */
    public record Moment(Instant asOf, Instant validAt) {

        boolean known(Instant recordedAt) {
            return Views.known(asOf, recordedAt);
        }
    }

    /** The moment of a query: as of {@code asOf} (null: now), judged at {@code validAt} (null: now). */
    /** No such record: none at all, or none recorded by {@code asOf}. */
    static RecordNotFoundException notFound(String what, Instant asOf) {
        return notFound(what, asOf, null);
    }

    /** No such record: none at all, or none recorded by {@code asOf}, or none agreed by {@code validAt}. */
    static RecordNotFoundException notFound(String what, Instant asOf, Instant validAt) {
        return new RecordNotFoundException(
                what + (asOf == null ? "" : " recorded by " + asOf) + (validAt == null ? "" : " agreed by " + validAt));
    }

    public Moment moment(Instant asOf, Instant validAt) {
        return new Moment(asOf, validAt == null ? clock.instant() : validAt);
    }

    public Optional<CommitmentView> commitment(String id, Moment moment) {
        return queries.commitment(id)
                .map(state -> asOf(state, moment))
                .flatMap(state -> CommitmentViews.at(state, moment.validAt()));
    }

    public List<CommitmentView> commitments(
            String negotiationId, CommitmentView.Status status, String kind, Moment moment) {
        return at(queries.commitments(negotiationId, kind), moment).stream()
                .filter(v -> status == null || v.status() == status)
                .toList();
    }

    public List<BrokenCommitment> broken(double hours, String negotiationId, String kind, Moment moment) {
        long minutes = (long) Math.floor(hours * 60);
        return BrokenCommitment.within(hours, at(queries.brokenWithin(minutes, negotiationId, kind), moment));
    }

    public Optional<List<TimelineEntry>> timeline(String negotiationId, Moment moment) {
        if (queries.negotiation(negotiationId)
                .filter(n -> moment.known(n.recordedAt()))
                .isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(queries.timeline(negotiationId).stream()
                .filter(e -> moment.known(e.recordedAt()))
                .filter(e -> e.validAtUtc() == null || !e.validAtUtc().isAfter(moment.validAt()))
                .toList());
    }

    public Optional<PartyRecord> partyRecord(String actorId, Moment moment) {
        return queries.actor(actorId)
                .filter(a -> moment.known(a.recordedAt()))
                .map(a -> PartyRecord.of(
                        a,
                        queries.commitmentsConcerning(actorId).stream()
                                .map(c -> asOf(c, moment))
                                .filter(Objects::nonNull)
                                .toList(),
                        known(queries.statements(actorId, null, null), moment),
                        moment.validAt()));
    }

    public List<StatementState> statements(String author, String kind, String concerns, Moment moment) {
        return known(queries.statements(author, kind, concerns), moment).stream()
                .filter(s -> !s.issuedAt().earliest().isAfter(moment.validAt()))
                .toList();
    }

    /** An actor as the ledger knew it at record time {@code asOf} (null: now). */
    public Optional<ActorState> actor(String id, Instant asOf) {
        return queries.actor(id).filter(a -> known(asOf, a.recordedAt()));
    }

    /** A negotiation, with its rounds of talks, as the ledger knew it at record time {@code asOf} (null: now). */
    public Optional<NegotiationState> negotiation(String id, Instant asOf) {
        return queries.negotiation(id).map(n -> asOf == null ? n : n.asOf(asOf));
    }

    public Optional<StatementState> statement(String id, Instant asOf) {
        return queries.statement(id).filter(s -> known(asOf, s.recordedAt()));
    }

    /** A commitment's violation reports as the ledger knew them at {@code asOf} (null: now); empty if unknown then. */
    public Optional<List<ReportState>> reports(String commitmentId, Instant asOf) {
        return queries.commitment(commitmentId)
                .map(c -> asOf == null ? c : c.asOf(asOf))
                .map(CommitmentState::reports);
    }

    /** A violation report, with its findings and retraction, as the ledger knew it at {@code asOf} (null: now). */
    public Optional<ReportState> report(String commitmentId, String violationId, Instant asOf) {
        return queries.report(commitmentId, violationId).map(r -> asOf == null ? r : r.asOf(asOf));
    }

    /** Whether a fact recorded at {@code recordedAt} was known at record time {@code asOf} (null: now). */
    private static boolean known(Instant asOf, Instant recordedAt) {
        return asOf == null || !recordedAt.isAfter(asOf);
    }

    private static List<StatementState> known(List<StatementState> statements, Moment moment) {
        return statements.stream().filter(s -> moment.known(s.recordedAt())).toList();
    }

    /** The commitment as the ledger knew it at the moment's record time; null if it did not know it yet. */
    private static CommitmentState asOf(CommitmentState state, Moment moment) {
        return moment.asOf() == null ? state : state.asOf(moment.asOf());
    }

    private static List<CommitmentView> at(Collection<CommitmentState> states, Moment moment) {
        return states.stream()
                .map(s -> asOf(s, moment))
                .filter(Objects::nonNull)
                .map(s -> CommitmentViews.at(s, moment.validAt()))
                .flatMap(Optional::stream)
                .toList();
    }
}

package org.negotiationledger.projections.tables;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.negotiationledger.projections.fold.ActorState;
import org.negotiationledger.projections.fold.CommitmentState;
import org.negotiationledger.projections.fold.NegotiationState;
import org.negotiationledger.projections.fold.ReportState;
import org.negotiationledger.projections.fold.StatementState;
import org.negotiationledger.projections.fold.TimelineEntry;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Reads the views' tables; each query is served by a key or an index. Each call reads the generation that
 * serves at that moment ({@link ViewTables#serving}) and asks all its queries of that one, so that an answer
 * never mixes two generations.
 */
public class ViewQueries {

    private final JdbcTemplate jdbc;

    public ViewQueries(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<CommitmentState> commitment(String id) {
        return commitmentRows(tables(), "SELECT state FROM view_commitment WHERE id = ?", id).stream()
                .findFirst();
    }

    /** Commitments, optionally of one negotiation and one kind, in the order they took effect. */
    public List<CommitmentState> commitments(String negotiationId, String kind) {
        StringBuilder sql = new StringBuilder("SELECT state FROM view_commitment WHERE 1 = 1");
        List<Object> args = new ArrayList<>();
        negotiationAndKind(sql, args, negotiationId, kind);
        sql.append(" ORDER BY effective_from_ms, id");
        return commitmentRows(tables(), sql.toString(), args.toArray());
    }

    /**
     * Commitments with a report, standing or not, within {@code minutes} of taking effect: a superset of those
     * broken within that time at any valid time and as of any record time. Each comes with only its reports
     * within that window, which are all that can decide whether and when it broke within it; the rest of the
     * commitment's views are not to be read from these states.
     */
    public List<CommitmentState> brokenWithin(long minutes, String negotiationId, String kind) {
        StringBuilder sql = new StringBuilder("SELECT state FROM view_commitment WHERE minutes_to_break <= ?");
        List<Object> args = new ArrayList<>(List.of(minutes));
        negotiationAndKind(sql, args, negotiationId, kind);
        ViewTables tables = tables();
        return Reports.joined(
                jdbc, tables, many(tables, sql.toString(), CommitmentState.class, args.toArray()), minutes);
    }

    public Optional<NegotiationState> negotiation(String id) {
        return one(tables(), "SELECT state FROM view_negotiation WHERE id = ?", NegotiationState.class, id);
    }

    public List<TimelineEntry> timeline(String negotiationId) {
        return many(
                tables(),
                "SELECT state FROM view_timeline WHERE negotiation_id = ? ORDER BY valid_at_ms, global_index, entry",
                TimelineEntry.class,
                negotiationId);
    }

    /** One violation report of a commitment, with its findings and retraction. */
    public Optional<ReportState> report(String commitmentId, String violationId) {
        return one(
                tables(),
                "SELECT state FROM view_report WHERE commitment_id = ? AND violation_id = ?",
                ReportState.class,
                commitmentId,
                violationId);
    }

    public Optional<StatementState> statement(String id) {
        return one(tables(), "SELECT state FROM view_statement WHERE id = ?", StatementState.class, id);
    }

    public Optional<ActorState> actor(String id) {
        return one(tables(), "SELECT state FROM view_actor WHERE id = ?", ActorState.class, id);
    }

    /** The commitments an actor is party to, accused under, or reported against. */
    public List<CommitmentState> commitmentsConcerning(String actorId) {
        return commitmentRows(
                tables(),
                "SELECT state FROM view_commitment WHERE id IN "
                        + "(SELECT commitment_id FROM view_commitment_actor WHERE actor_id = ?) ORDER BY effective_from_ms, id",
                actorId);
    }

    /** Statements, newest first, filtered by author, kind and the record they concern. */
    public List<StatementState> statements(String author, String kind, String concerns) {
        StringBuilder sql = new StringBuilder("SELECT state FROM view_statement s WHERE 1 = 1");
        List<Object> args = new ArrayList<>();
        if (author != null) {
            sql.append(" AND s.author = ?");
            args.add(author);
        }
        if (kind != null) {
            sql.append(
                    " AND EXISTS (SELECT 1 FROM view_statement_tag t WHERE t.statement_id = s.id AND t.tag = 'KIND' AND t.tag_value = ?)");
            args.add(kind);
        }
        if (concerns != null) {
            sql.append(
                    " AND EXISTS (SELECT 1 FROM view_statement_tag t WHERE t.statement_id = s.id AND t.tag = 'CONCERNS' AND t.tag_value = ?)");
            args.add(concerns);
        }
        sql.append(" ORDER BY s.issued_at_ms DESC, s.id");
        return many(tables(), sql.toString(), StatementState.class, args.toArray());
    }

    /** A view's state with the global index of the last event that changed it: where a stream has got to. */
    public record Change<T>(long position, T state) {}

    /**
     * The commitments (of one negotiation, when given) changed by events after global index {@code after}, in
     * the order of their last change.
     */
    public List<Change<CommitmentState>> commitmentsChangedAfter(long after, String negotiationId) {
        StringBuilder sql =
                new StringBuilder("SELECT changed_at_index, state FROM view_commitment WHERE changed_at_index > ?");
        List<Object> args = new ArrayList<>(List.of(after));
        negotiationAndKind(sql, args, negotiationId, null);
        sql.append(" ORDER BY changed_at_index, id");
        ViewTables tables = tables();
        List<Change<CommitmentState>> headers = jdbc.query(
                tables.sql(sql.toString()),
                (rs, n) -> new Change<>(rs.getLong(1), ViewJson.read(rs.getString(2), CommitmentState.class)),
                args.toArray());
        List<CommitmentState> whole =
                Reports.joined(jdbc, tables, headers.stream().map(Change::state).toList(), null);
        List<Change<CommitmentState>> changes = new ArrayList<>();
        for (int i = 0; i < headers.size(); i++) {
            changes.add(new Change<>(headers.get(i).position(), whole.get(i)));
        }
        return changes;
    }

    /**
     * The commitments changed after global index {@code after}, as their own rows hold them (without their
     * reports), in the order of their last change: what decides when their views change with the clock.
     */
    public List<Change<CommitmentState>> commitmentRowsChangedAfter(long after) {
        return jdbc.query(
                tables().sql("SELECT changed_at_index, state FROM view_commitment WHERE changed_at_index > ? "
                        + "ORDER BY changed_at_index"),
                (rs, n) -> new Change<>(rs.getLong(1), ViewJson.read(rs.getString(2), CommitmentState.class)),
                after);
    }

    /** These commitments, with their reports, in no particular order; those unknown are left out. */
    public List<CommitmentState> commitments(java.util.Collection<String> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return commitmentRows(
                tables(),
                "SELECT state FROM view_commitment WHERE id IN ("
                        + String.join(", ", java.util.Collections.nCopies(ids.size(), "?")) + ")",
                ids.toArray());
    }

    /** The global index of the last event that changed any commitment; 0 while none has. */
    public long commitmentsPosition() {
        return position("SELECT MAX(changed_at_index) FROM view_commitment");
    }

    /** A negotiation's timeline entries of events after ({@code afterIndex}, {@code afterEntry}), in record order. */
    public List<TimelineEntry> timelineAfter(String negotiationId, long afterIndex, int afterEntry) {
        return many(
                tables(),
                "SELECT state FROM view_timeline WHERE negotiation_id = ? AND global_index >= ? "
                        + "AND (global_index > ? OR entry > ?) ORDER BY global_index, entry",
                TimelineEntry.class,
                negotiationId,
                afterIndex,
                afterIndex,
                afterEntry);
    }

    /** The global index of the last event that put an entry on any timeline; 0 while none has. */
    public long timelinePosition() {
        return position("SELECT MAX(global_index) FROM view_timeline");
    }

    private long position(String sql) {
        Long max = jdbc.queryForObject(tables().sql(sql), Long.class);
        return max == null ? 0 : max;
    }

    /** The commitment filters every list takes: one negotiation, one kind. */
    private static void negotiationAndKind(StringBuilder sql, List<Object> args, String negotiationId, String kind) {
        if (negotiationId != null) {
            sql.append(" AND negotiation_id = ?");
            args.add(negotiationId);
        }
        if (kind != null) {
            sql.append(" AND kind = ?");
            args.add(kind);
        }
    }

    /** The generation serving now. */
    private ViewTables tables() {
        return ViewTables.serving(jdbc);
    }

    /** Commitment rows with their reports joined back from their own table. */
    private List<CommitmentState> commitmentRows(ViewTables tables, String sql, Object... args) {
        return Reports.joined(jdbc, tables, many(tables, sql, CommitmentState.class, args), null);
    }

    private <T> Optional<T> one(ViewTables tables, String sql, Class<T> type, Object... args) {
        return many(tables, sql, type, args).stream().findFirst();
    }

    private <T> List<T> many(ViewTables tables, String sql, Class<T> type, Object... args) {
        return jdbc.query(tables.sql(sql), (rs, n) -> ViewJson.read(rs.getString(1), type), args);
    }
}

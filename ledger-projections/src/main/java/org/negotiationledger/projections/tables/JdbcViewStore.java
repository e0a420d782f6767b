package org.negotiationledger.projections.tables;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.negotiationledger.core.statement.StatementKind;
import org.negotiationledger.projections.fold.ActorState;
import org.negotiationledger.projections.fold.CommitmentState;
import org.negotiationledger.projections.fold.CommitmentViews;
import org.negotiationledger.projections.fold.Fact;
import org.negotiationledger.projections.fold.NegotiationState;
import org.negotiationledger.projections.fold.ReportState;
import org.negotiationledger.projections.fold.StatementState;
import org.negotiationledger.projections.fold.TimelineEntry;
import org.negotiationledger.projections.fold.ViewFold;
import org.negotiationledger.projections.fold.ViewStore;
import org.negotiationledger.projections.fold.ViewStore.Shelf;
import org.negotiationledger.projections.tables.StoredCommitment.ActorRole;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * One generation of the views' tables as a {@link ViewStore} for one batch of events: rows are read once,
 * changed in memory by the fold, and written back together by {@link #flush()}, in the batch's transaction,
 * each changed row replacing the one stored and each commitment's reports and actors diffed against those
 * stored. A new instance per batch; it is not shared between threads.
 *
 * <p>Which rows exist it learns from {@link ExistingRows}: the live projection ({@link #live}) reads them from
 * the database; a rebuild ({@link #building}) knows them from what it has written to its new generation
 * ({@link WrittenRows}), so it reads none it has not written, deletes none before writing it the first time, and
 * takes the commitments it has kept as they are.
 */
public final class JdbcViewStore implements ViewStore {

    private final JdbcTemplate jdbc;
    private final ViewTables tables;
    private final ExistingRows rows;
    /** The commitments as last written, kept between batches. */
    private final ReportCache cache;

    private final CommitmentTable commitments;
    private final Table<NegotiationState> negotiations;
    private final Table<StatementState> statements;
    private final Table<ActorState> actors;
    private final Map<Long, List<TimelineEntry>> timeline = new LinkedHashMap<>();
    /** The commitments as this batch wrote them, once flushed. */
    private final List<StoredCommitment> written = new ArrayList<>();

    /** The global index of the event being folded. */
    private long position;

    private JdbcViewStore(JdbcTemplate jdbc, ViewTables tables, ExistingRows rows, ReportCache cache) {
        this.jdbc = jdbc;
        this.tables = tables;
        this.rows = rows;
        this.cache = cache;
        this.commitments = new CommitmentTable();
        this.negotiations = new Table<>("view_negotiation", NegotiationState.class, NegotiationState::id);
        this.statements = new Table<>("view_statement", StatementState.class, StatementState::id);
        this.actors = new Table<>("view_actor", ActorState.class, ActorState::id);
    }

    /** A store for one batch of the live projection on {@code tables}, which keeps its commitments in {@code cache}. */
    static JdbcViewStore live(JdbcTemplate jdbc, ViewTables tables, ReportCache cache) {
        return new JdbcViewStore(jdbc, tables, ExistingRows.DATABASE, cache);
    }

    /** A store for one batch on the serving generation, with nothing kept from earlier batches. */
    public static JdbcViewStore serving(JdbcTemplate jdbc) {
        return live(jdbc, ViewTables.serving(jdbc), new ReportCache());
    }

    /** A store for one batch of a rebuild that fills the new generation {@code tables}, with what it wrote so far. */
    public static JdbcViewStore building(JdbcTemplate jdbc, ViewTables tables, WrittenRows written) {
        return new JdbcViewStore(jdbc, tables, written, written.commitments);
    }

    /**
     * One table's rows touched by this batch: those read (present or absent) and those changed. {@link
     * ExistingRows} knows the table by its {@code base} name, the database by this generation's {@code name}.
     */
    private class Table<T> implements Shelf<T> {
        private final String base;
        private final String name;
        private final Class<T> type;
        private final Function<T, String> idOf;
        final Map<String, Optional<T>> read = new HashMap<>();
        final Map<String, T> changed = new LinkedHashMap<>();

        Table(String base, Class<T> type, Function<T, String> idOf) {
            this.base = base;
            this.name = tables.name(base);
            this.type = type;
            this.idOf = idOf;
        }

        @Override
        public T get(String id) {
            return read.computeIfAbsent(id, key -> rows.mayExist(base, key) ? select(key) : Optional.empty())
                    .orElse(null);
        }

        private Optional<T> select(String id) {
            return jdbc
                    .query(
                            "SELECT state FROM " + name + " WHERE id = ?",
                            (rs, n) -> ViewJson.read(rs.getString(1), type),
                            id)
                    .stream()
                    .findFirst();
        }

        @Override
        public void put(T state) {
            String id = idOf.apply(state);
            read.put(id, Optional.of(state));
            changed.put(id, state);
        }

        /** The changed rows that may exist in the table already, and so are replaced rather than added. */
        List<String> existing() {
            return mayExist(base, changed.keySet());
        }

        /** Replaces the changed rows: delete then insert, which both databases do alike. */
        void flush(List<String> columns, Function<T, Object[]> values) {
            if (changed.isEmpty()) {
                return;
            }
            deleteWhereIn(name, "id", existing());
            jdbc.batchUpdate(
                    "INSERT INTO " + name + " (" + String.join(", ", columns) + ") VALUES ("
                            + String.join(", ", Collections.nCopies(columns.size(), "?")) + ")",
                    changed.values().stream().map(values).toList());
        }
    }

    /**
     * The commitments' table, whose rows hold a commitment without its reports: a commitment is read with its
     * reports joined (or as kept from an earlier batch), and each change is marked with the event's position.
     */
    private final class CommitmentTable extends Table<CommitmentState> {
        /** The commitments this batch found stored, as they were: what their changes are diffed against. */
        final Map<String, StoredCommitment> stored = new HashMap<>();
        /** The global index of the last event that changed each commitment. */
        final Map<String, Long> changedAt = new HashMap<>();

        CommitmentTable() {
            super("view_commitment", CommitmentState.class, CommitmentState::id);
        }

        @Override
        public CommitmentState get(String id) {
            Optional<CommitmentState> touched = read.get(id);
            if (touched != null) {
                return touched.orElse(null);
            }
            // First touch in this batch: the commitment as last written where that is its row still, or its
            // row with the reports kept for it or read from their table.
            StoredCommitment found = rows.lastWritten(id);
            if (found == null) {
                CommitmentState header = super.get(id);
                if (header == null) {
                    return null;
                }
                StoredCommitment kept = cache.kept(header);
                found = kept == null
                        ? new StoredCommitment(header.withReports(Reports.of(jdbc, tables, header)), null)
                        : new StoredCommitment(header.withReports(kept.state().reports()), kept.named());
            }
            stored.put(id, found);
            read.put(id, Optional.of(found.state()));
            return found.state();
        }

        @Override
        public void put(CommitmentState commitment) {
            changedAt.put(commitment.id(), position);
            super.put(commitment);
        }
    }

    /**
     * Folds one event into this batch, marking what it changes with its global index (the streams' position).
     * The one way in: folding through {@link ViewFold} directly would leave the changes unmarked.
     */
    public void fold(Fact fact) {
        position = fact.globalIndex();
        ViewFold.apply(fact, this);
    }

    @Override
    public Shelf<CommitmentState> commitments() {
        return commitments;
    }

    @Override
    public Shelf<NegotiationState> negotiations() {
        return negotiations;
    }

    @Override
    public Shelf<StatementState> statements() {
        return statements;
    }

    @Override
    public Shelf<ActorState> actors() {
        return actors;
    }

    @Override
    public void putTimeline(long globalIndex, List<TimelineEntry> entries) {
        timeline.put(globalIndex, entries);
    }

    /** Keeps what this batch wrote of its commitments in {@code cache}, once the batch has committed. */
    void committedTo(ReportCache cache) {
        cache.committed(written);
    }

    /** Writes every row this batch changed: each table in turn, then tells {@link ExistingRows} what it wrote. */
    public void flush() {
        List<String> existingStatements = statements.existing();
        flushCommitments();
        flushReportsAndActors();
        negotiations.flush(List.of("id", "recorded_at_ms", "state"), n ->
                new Object[] {n.id(), n.recordedAt().toEpochMilli(), ViewJson.write(n)});
        actors.flush(List.of("id", "recorded_at_ms", "state"), a ->
                new Object[] {a.id(), a.recordedAt().toEpochMilli(), ViewJson.write(a)});
        statements.flush(List.of("id", "author", "issued_at_ms", "recorded_at_ms", "state"), s -> new Object[] {
            s.id(),
            s.author(),
            s.issuedAt().latest().toEpochMilli(),
            s.recordedAt().toEpochMilli(),
            ViewJson.write(s)
        });
        flushStatementTags(existingStatements);
        flushTimeline();
        for (Table<?> table : List.of(commitments, negotiations, actors, statements)) {
            rows.wrote(table.base, table.changed.keySet());
        }
        rows.wrote(written);
    }

    /** A commitment's row: the columns its queries filter and sort on, and its state without the reports. */
    private void flushCommitments() {
        commitments.flush(
                List.of(
                        "id",
                        "negotiation_id",
                        "category",
                        "kind",
                        "effective_from_ms",
                        "minutes_to_break",
                        "recorded_at_ms",
                        "changed_at_index",
                        "state"),
                c -> new Object[] {
                    c.id(),
                    c.agreement().negotiationId(),
                    c.agreement().category(),
                    c.agreement().kind(),
                    c.agreement().effectiveFrom().utc().toEpochMilli(),
                    CommitmentViews.earliestReportMinutes(c),
                    c.agreement().recordedAt().toEpochMilli(),
                    commitments.changedAt.get(c.id()),
                    ViewJson.write(c.withReports(List.of()))
                });
    }

    /**
     * Each changed commitment diffed against it as stored: its reports that are new or changed, one small row
     * each under its key; and who it concerns (its parties, and the actors its reports accuse or were made by),
     * rewritten only when a report names someone new, which most changes do not.
     */
    private void flushReportsAndActors() {
        List<Object[]> reportsReplaced = new ArrayList<>();
        List<Object[]> reports = new ArrayList<>();
        List<String> actorsReplaced = new ArrayList<>();
        List<Object[]> actors = new ArrayList<>();
        for (CommitmentState c : commitments.changed.values()) {
            StoredCommitment before = commitments.stored.get(c.id());
            List<ReportState> stored = StoredCommitment.reports(before);
            // Reports are only added or replaced, never lose an actor: the actors are those stored and the new or
            // replaced reports'. Kept between batches, so a hot commitment's are not counted anew.
            Set<ActorRole> named = new LinkedHashSet<>(before == null ? Set.of() : before.actors());
            int storedNamed = named.size();
            for (int i = 0; i < c.reports().size(); i++) {
                ReportState report = c.reports().get(i);
                if (i < stored.size()
                        && (stored.get(i) == report || stored.get(i).equals(report))) {
                    continue;
                }
                long key = Reports.key(c, i);
                if (i < stored.size()) {
                    reportsReplaced.add(new Object[] {key});
                }
                reports.add(new Object[] {
                    key, c.id(), report.violationId(), report.countsFrom().toEpochMilli(), ViewJson.write(report)
                });
                StoredCommitment.addActors(named, report);
            }
            written.add(new StoredCommitment(c, named));
            if (before != null) {
                if (named.size() == storedNamed) {
                    continue;
                }
                actorsReplaced.add(c.id());
            }
            c.agreement().parties().forEach(p -> actors.add(new Object[] {c.id(), p, "PARTY"}));
            named.forEach(role -> actors.add(new Object[] {c.id(), role.actor(), role.role()}));
        }
        jdbc.batchUpdate(tables.sql("DELETE FROM view_report WHERE report_key = ?"), reportsReplaced);
        jdbc.batchUpdate(
                tables.sql("INSERT INTO view_report (report_key, commitment_id, violation_id, counts_from_ms, "
                        + "state) VALUES (?, ?, ?, ?, ?)"),
                reports);
        deleteWhereIn(tables.name("view_commitment_actor"), "commitment_id", actorsReplaced);
        jdbc.batchUpdate(
                tables.sql("INSERT INTO view_commitment_actor (commitment_id, actor_id, role) VALUES (?, ?, ?)"),
                actors);
    }

    /** A statement's kinds and the records it concerns, for the filters: rewritten for each changed statement. */
    private void flushStatementTags(Collection<String> existingStatements) {
        if (statements.changed.isEmpty()) {
            return;
        }
        deleteWhereIn(tables.name("view_statement_tag"), "statement_id", existingStatements);
        List<Object[]> rows = new ArrayList<>();
        for (StatementState s : statements.changed.values()) {
            for (StatementKind kind : s.kinds()) {
                rows.add(new Object[] {s.id(), "KIND", kind.name()});
            }
            s.concerns().forEach(c -> rows.add(new Object[] {s.id(), "CONCERNS", c}));
        }
        jdbc.batchUpdate(
                tables.sql("INSERT INTO view_statement_tag (statement_id, tag, tag_value) VALUES (?, ?, ?)"), rows);
    }

    /** The timeline entries of the events this batch folded, replacing those of an event folded before. */
    private void flushTimeline() {
        if (timeline.isEmpty()) {
            return;
        }
        deleteWhereIn(tables.name("view_timeline"), "global_index", mayExist("view_timeline", timeline.keySet()));
        List<Object[]> rows = new ArrayList<>();
        timeline.values()
                .forEach(entries -> entries.forEach(e -> rows.add(new Object[] {
                    e.negotiationId(),
                    e.globalIndex(),
                    e.entry(),
                    e.validAtUtc() == null ? Long.MIN_VALUE : e.validAtUtc().toEpochMilli(),
                    e.recordedAt().toEpochMilli(),
                    ViewJson.write(e)
                })));
        jdbc.batchUpdate(
                tables.sql("INSERT INTO view_timeline (negotiation_id, global_index, entry, valid_at_ms, "
                        + "recorded_at_ms, state) VALUES (?, ?, ?, ?, ?, ?)"),
                rows);
    }

    /** Of the rows about to be written to {@code table} under {@code keys}, those that may exist already. */
    private <K> List<K> mayExist(String table, Collection<K> keys) {
        return keys.stream().filter(key -> rows.mayExist(table, key)).toList();
    }

    private void deleteWhereIn(String table, String column, Collection<?> keys) {
        for (List<?> chunk : InLists.chunks(keys)) {
            jdbc.update(
                    "DELETE FROM " + table + " WHERE " + column + " IN (" + InLists.placeholders(chunk.size()) + ")",
                    chunk.toArray());
        }
    }
}

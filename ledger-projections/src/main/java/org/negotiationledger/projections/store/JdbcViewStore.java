package org.negotiationledger.projections.store;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
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
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * One generation of the views' tables as a {@link ViewStore} for one batch of events: rows are read once,
 * changed in memory by the fold, and written back together by {@link #flush()}, in the batch's transaction. A
 * new instance per batch; it is not shared between threads.
 *
 * <p>A rebuild fills a new generation with stores made by {@link #building}: nothing but the rebuild writes
 * there, so the store knows from {@link Building} which rows exist, reads none it has not written, deletes
 * none before writing it the first time, and takes the commitments it has kept in memory as they are.
 */
public final class JdbcViewStore implements ViewStore {

    private final JdbcTemplate jdbc;
    private final ViewTables tables;
    /** What a rebuild has written to its generation so far; null for the live projection. */
    private final Building building;

    private final CommitmentTable commitments;
    private final Table<NegotiationState> negotiations;
    private final Table<StatementState> statements;
    private final Table<ActorState> actors;
    private final Map<Long, List<TimelineEntry>> timeline = new LinkedHashMap<>();
    /** The reports of each commitment as they stood in the tables before this batch. */
    private final Map<String, List<ReportState>> loadedReports = new HashMap<>();
    /** The commitments this batch found stored (the others it creates). */
    private final Set<String> stored = new HashSet<>();
    /** The actors each commitment's stored reports name, where known from an earlier batch; and as written. */
    private final Map<String, Set<ActorRole>> loadedRoles = new HashMap<>();

    private final Map<String, Set<ActorRole>> writtenRoles = new HashMap<>();

    private final ReportCache cache;
    /** The global index of the event being folded, and of the last event that changed each commitment. */
    private long position;

    private final Map<String, Long> commitmentChangedAt = new HashMap<>();

    /**
     * What a rebuild has written to the generation it fills, across its batches: the keys of the rows that
     * exist, and the latest commitments with their reports (the most recently changed {@value #KEPT}; the rest
     * are read back when touched). One per rebuild, used by one thread.
     */
    public static final class Building {
        private static final int KEPT = 200_000;
        private final Map<String, Set<String>> written = new HashMap<>();
        private final ReportCache commitments = new ReportCache(KEPT);

        Set<String> written(String table) {
            return written.computeIfAbsent(table, t -> new HashSet<>());
        }
    }

    /** A store for one batch of the live projection, on the serving generation. */
    JdbcViewStore(JdbcTemplate jdbc, ViewTables tables, ReportCache cache) {
        this(jdbc, tables, cache, null);
    }

    private JdbcViewStore(JdbcTemplate jdbc, ViewTables tables, ReportCache cache, Building building) {
        this.jdbc = jdbc;
        this.tables = tables;
        this.cache = cache;
        this.building = building;
        this.commitments = new CommitmentTable();
        this.negotiations = new Table<>("view_negotiation", NegotiationState.class, NegotiationState::id);
        this.statements = new Table<>("view_statement", StatementState.class, StatementState::id);
        this.actors = new Table<>("view_actor", ActorState.class, ActorState::id);
    }

    /** A store for one batch on the serving generation, with nothing kept from earlier batches. */
    public static JdbcViewStore serving(JdbcTemplate jdbc) {
        return new JdbcViewStore(jdbc, ViewTables.serving(jdbc), new ReportCache());
    }

    /** A store for one batch of a rebuild that fills the new generation {@code tables}. */
    public static JdbcViewStore building(JdbcTemplate jdbc, ViewTables tables, Building building) {
        return new JdbcViewStore(jdbc, tables, building.commitments, building);
    }

    /** One table's rows touched by this batch: those read (present or absent) and those changed. */
    private class Table<T> implements Shelf<T> {
        private final String name;
        private final Class<T> type;
        private final Function<T, String> idOf;
        final Map<String, Optional<T>> read = new HashMap<>();
        final Map<String, T> changed = new LinkedHashMap<>();
        /** The rows a rebuild has written (null for the live projection): no other row exists. */
        private final Set<String> written;

        Table(String name, Class<T> type, Function<T, String> idOf) {
            this.name = tables.name(name);
            this.type = type;
            this.idOf = idOf;
            this.written = building == null ? null : building.written(name);
        }

        @Override
        public T get(String id) {
            if (written != null && !written.contains(id)) {
                return read.computeIfAbsent(id, key -> Optional.empty()).orElse(null);
            }
            return read.computeIfAbsent(
                            id,
                            key -> jdbc
                                    .query(
                                            "SELECT state FROM " + name + " WHERE id = ?",
                                            (rs, n) -> ViewJson.read(rs.getString(1), type),
                                            key)
                                    .stream()
                                    .findFirst())
                    .orElse(null);
        }

        /** The changed rows that exist in the table already, and so are replaced rather than added. */
        Collection<String> existing() {
            return written == null
                    ? changed.keySet()
                    : changed.keySet().stream().filter(written::contains).toList();
        }

        @Override
        public void put(T state) {
            String id = idOf.apply(state);
            read.put(id, Optional.of(state));
            changed.put(id, state);
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

        /** After the flush: the rows written exist now. */
        void flushed() {
            if (written != null) {
                written.addAll(changed.keySet());
            }
        }
    }

    /**
     * The commitments' table, whose rows hold a commitment without its reports: a commitment is read with its
     * reports joined (or as kept from an earlier batch), and each change is marked with the event's position.
     */
    private final class CommitmentTable extends Table<CommitmentState> {

        CommitmentTable() {
            super("view_commitment", CommitmentState.class, CommitmentState::id);
        }

        @Override
        public CommitmentState get(String id) {
            if (building != null && !loadedReports.containsKey(id)) {
                // Nothing but this rebuild writes its generation: what it kept of the commitment is the row.
                CommitmentState kept = building.commitments.kept(id);
                if (kept != null) {
                    stored.add(id);
                    loadedReports.put(id, kept.reports());
                    if (building.commitments.roles(id) != null) {
                        loadedRoles.put(id, building.commitments.roles(id));
                    }
                    read.put(id, Optional.of(kept));
                    return kept;
                }
            }
            CommitmentState header = super.get(id);
            if (header == null || loadedReports.containsKey(id)) {
                return header;
            }
            // First touch in this batch: join the reports, and remember them to write only what changes.
            List<ReportState> reports = cache.reports(header);
            if (reports == null) {
                reports = Reports.of(jdbc, tables, header);
            } else if (cache.roles(id) != null) {
                loadedRoles.put(id, cache.roles(id));
            }
            stored.add(id);
            loadedReports.put(id, reports);
            CommitmentState whole = header.withReports(reports);
            read.put(id, Optional.of(whole));
            return whole;
        }

        @Override
        public void put(CommitmentState commitment) {
            loadedReports.putIfAbsent(commitment.id(), List.of());
            commitmentChangedAt.put(commitment.id(), position);
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
        cache.committed(commitments.changed.values(), writtenRoles);
    }

    /** Writes every row this batch changed: each table in turn, then marks them written. */
    public void flush() {
        Collection<String> existingStatements = statements.existing();
        flushCommitments();
        flushReports();
        flushCommitmentActors();
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
            table.flushed();
        }
        if (building != null) {
            building.commitments.committed(commitments.changed.values(), writtenRoles);
        }
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
                    commitmentChangedAt.get(c.id()),
                    ViewJson.write(c.withReports(List.of()))
                });
    }

    /** Who each changed commitment concerns: its parties, and the actors its reports accuse or were made by. */
    private void flushCommitmentActors() {
        if (commitments.changed.isEmpty()) {
            return;
        }
        // A commitment's actors change only when a report names someone new: most changes rewrite none.
        List<String> replaced = new ArrayList<>();
        List<Object[]> rows = new ArrayList<>();
        for (CommitmentState c : commitments.changed.values()) {
            // Reports are only added or replaced, never lose an actor: the roles are those stored and the
            // new or replaced reports'. Kept between batches, so a hot commitment's are not counted anew.
            List<ReportState> before = loadedReports.getOrDefault(c.id(), List.of());
            Set<ActorRole> stored = this.stored.contains(c.id())
                    ? loadedRoles.computeIfAbsent(c.id(), id -> reportRoles(before))
                    : Set.of();
            Set<ActorRole> roles = new LinkedHashSet<>(stored);
            for (int i = 0; i < c.reports().size(); i++) {
                if (i >= before.size() || before.get(i) != c.reports().get(i)) {
                    addRoles(roles, c.reports().get(i));
                }
            }
            writtenRoles.put(c.id(), roles);
            if (this.stored.contains(c.id())) {
                if (roles.size() == stored.size()) {
                    continue;
                }
                replaced.add(c.id());
            }
            c.agreement().parties().forEach(p -> rows.add(new Object[] {c.id(), p, "PARTY"}));
            roles.forEach(role -> rows.add(new Object[] {c.id(), role.actor(), role.role()}));
        }
        deleteWhereIn(tables.name("view_commitment_actor"), "commitment_id", replaced);
        jdbc.batchUpdate(
                tables.sql("INSERT INTO view_commitment_actor (commitment_id, actor_id, role) VALUES (?, ?, ?)"), rows);
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

    /** The timeline entries of the events this batch folded. */
    private void flushTimeline() {
        if (timeline.isEmpty()) {
            return;
        }
        if (building == null) {
            // A rebuild folds each event once; the live projection may be given one again.
            deleteWhereIn(tables.name("view_timeline"), "global_index", timeline.keySet());
        }
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

    /** An actor named by a commitment's reports, and how (ACCUSED, REPORTER). */
    record ActorRole(String actor, String role) {}

    /** Every actor the reports name, and how. */
    private static Set<ActorRole> reportRoles(List<ReportState> reports) {
        Set<ActorRole> roles = new LinkedHashSet<>();
        reports.forEach(report -> addRoles(roles, report));
        return roles;
    }

    private static void addRoles(Set<ActorRole> roles, ReportState report) {
        roles.add(new ActorRole(report.accused(), "ACCUSED"));
        roles.add(new ActorRole(report.reportedBy(), "REPORTER"));
    }

    /** Writes the reports that are new or changed since they were read: one small row each, under its key. */
    private void flushReports() {
        List<Object[]> deletes = new ArrayList<>();
        List<Object[]> inserts = new ArrayList<>();
        for (CommitmentState c : commitments.changed.values()) {
            List<ReportState> before = loadedReports.getOrDefault(c.id(), List.of());
            for (int i = 0; i < c.reports().size(); i++) {
                ReportState report = c.reports().get(i);
                if (i < before.size()
                        && (before.get(i) == report || before.get(i).equals(report))) {
                    continue;
                }
                long key = Reports.key(c, i);
                if (i < before.size()) {
                    deletes.add(new Object[] {key});
                }
                inserts.add(new Object[] {
                    key, c.id(), report.violationId(), report.countsFrom().toEpochMilli(), ViewJson.write(report)
                });
            }
        }
        jdbc.batchUpdate(tables.sql("DELETE FROM view_report WHERE report_key = ?"), deletes);
        jdbc.batchUpdate(
                tables.sql("INSERT INTO view_report (report_key, commitment_id, violation_id, counts_from_ms, "
                        + "state) VALUES (?, ?, ?, ?, ?)"),
                inserts);
    }

    private void deleteWhereIn(String table, String column, Collection<?> keys) {
        List<?> all = List.copyOf(keys);
        for (int from = 0; from < all.size(); from += 500) {
            List<?> chunk = all.subList(from, Math.min(all.size(), from + 500));
            jdbc.update(
                    "DELETE FROM " + table + " WHERE " + column + " IN (" + "?, ".repeat(chunk.size() - 1) + "?)",
                    chunk.toArray());
        }
    }
}

package org.negotiationledger.projections.tables;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * One generation of the view tables. The views live in generations ({@code view_commitment_g1}, {@code _g2}, ...):
 * the one the {@code view_rebuild} row names as {@code serving} answers every query and takes the live
 * projection's writes, while a rebuild fills the next one beside it; the switch is one update of that row, in
 * the transaction that also moves the views' token (see {@code rebuild.Rebuilds}). SQL is written against
 * the tables' base names ({@code view_commitment}) and {@link #sql} names this generation's.
 *
 * <p>A change to what the views keep raises {@link #SCHEMA}: a server that finds the serving generation built
 * under an older one asks for a rebuild, and the old generation serves until the new one takes over.
 */
public record ViewTables(int generation) {

    /**
     * The version of the view tables' layout below; the serving generation records the one it was built with.
     * 2: a timeline row holds the entry's facts ({@code fact}), no longer its sentence ({@code summary}).
     * 3: a report's timeline fact names the report ({@code violationId}).
     * 4: a commitment's row keeps its announcement ({@code announcedAt}), a report's row the end of its range
     * ({@code occurredUntil}); absent in older rows, each reads as null.
     */
    public static final int SCHEMA = 4;

    /** The base names, longest first where one begins another, so that the pattern takes the whole name. */
    static final List<String> TABLES = List.of(
            "view_commitment_actor",
            "view_commitment",
            "view_report",
            "view_negotiation",
            "view_actor",
            "view_statement_tag",
            "view_statement",
            "view_timeline");

    private static final Pattern NAMES = Pattern.compile("\\b(" + String.join("|", TABLES) + ")\\b");
    private static final Map<String, String> REWRITTEN = new ConcurrentHashMap<>();

    /** The generation that serves now. Read per query or batch: another server may have switched. */
    public static ViewTables serving(JdbcTemplate jdbc) {
        Integer serving = jdbc.queryForObject("SELECT serving FROM view_rebuild WHERE id = 1", Integer.class);
        return new ViewTables(serving == null ? 1 : serving);
    }

    /** The statement with this generation's table names in place of the base names. */
    public String sql(String sql) {
        return REWRITTEN.computeIfAbsent(generation + "\n" + sql, key -> {
            Matcher matcher = NAMES.matcher(sql);
            StringBuilder named = new StringBuilder();
            while (matcher.find()) {
                matcher.appendReplacement(named, matcher.group(1) + "_g" + generation);
            }
            return matcher.appendTail(named).toString();
        });
    }

    /** This generation's name for one of the base names. */
    public String name(String table) {
        return sql(table);
    }

    /**
     * Creates this generation's tables with their primary keys and no secondary index: a rebuild fills them
     * faster so, and adds the indexes ({@link #index}) once they hold the history.
     */
    public void create(JdbcTemplate jdbc) {
        String text = text(jdbc);
        for (String ddl : List.of(
                "CREATE TABLE view_commitment (id VARCHAR(100) NOT NULL PRIMARY KEY, negotiation_id VARCHAR(100) NOT NULL, "
                        + "category VARCHAR(10) NOT NULL, kind VARCHAR(40) NOT NULL, effective_from_ms BIGINT NOT NULL, "
                        + "minutes_to_break BIGINT, recorded_at_ms BIGINT NOT NULL, state " + text + " NOT NULL, "
                        + "changed_at_index BIGINT NOT NULL)",
                "CREATE TABLE view_report (report_key BIGINT NOT NULL PRIMARY KEY, commitment_id VARCHAR(100) NOT NULL, "
                        + "violation_id VARCHAR(100) NOT NULL, counts_from_ms BIGINT NOT NULL, state " + text
                        + " NOT NULL)",
                "CREATE TABLE view_commitment_actor (commitment_id VARCHAR(100) NOT NULL, actor_id VARCHAR(100) NOT NULL, "
                        + "role VARCHAR(10) NOT NULL, PRIMARY KEY (commitment_id, actor_id, role))",
                "CREATE TABLE view_negotiation (id VARCHAR(100) NOT NULL PRIMARY KEY, recorded_at_ms BIGINT NOT NULL, "
                        + "state " + text + " NOT NULL)",
                "CREATE TABLE view_actor (id VARCHAR(100) NOT NULL PRIMARY KEY, recorded_at_ms BIGINT NOT NULL, "
                        + "state " + text + " NOT NULL)",
                "CREATE TABLE view_statement (id VARCHAR(100) NOT NULL PRIMARY KEY, author VARCHAR(100) NOT NULL, "
                        + "issued_at_ms BIGINT NOT NULL, recorded_at_ms BIGINT NOT NULL, state " + text + " NOT NULL)",
                "CREATE TABLE view_statement_tag (statement_id VARCHAR(100) NOT NULL, tag VARCHAR(10) NOT NULL, "
                        + "tag_value VARCHAR(100) NOT NULL, PRIMARY KEY (statement_id, tag, tag_value))",
                "CREATE TABLE view_timeline (negotiation_id VARCHAR(100) NOT NULL, global_index BIGINT NOT NULL, "
                        + "entry INTEGER NOT NULL, valid_at_ms BIGINT NOT NULL, recorded_at_ms BIGINT NOT NULL, "
                        + "state " + text + " NOT NULL, PRIMARY KEY (negotiation_id, global_index, entry))")) {
            jdbc.execute(sql(ddl));
        }
    }

    /**
     * The secondary indexes the queries are served by (named per generation: index names are per schema);
     * {@code afterEach} runs after each one (a rebuild's heartbeat: one index of a million rows takes seconds).
     */
    public void index(JdbcTemplate jdbc, Runnable afterEach) {
        String g = "_g" + generation;
        for (String ddl : List.of(
                "CREATE INDEX ix_view_commitment_negotiation" + g + " ON view_commitment (negotiation_id)",
                "CREATE INDEX ix_view_commitment_break" + g + " ON view_commitment (minutes_to_break)",
                "CREATE INDEX ix_view_commitment_changed" + g + " ON view_commitment (changed_at_index)",
                // The broken-within-hours view reads only the reports near a commitment's start.
                "CREATE INDEX ix_view_report_window" + g + " ON view_report (commitment_id, counts_from_ms)",
                "CREATE INDEX ix_view_commitment_actor" + g + " ON view_commitment_actor (actor_id)",
                "CREATE INDEX ix_view_statement_author" + g + " ON view_statement (author)",
                "CREATE INDEX ix_view_statement_tag" + g + " ON view_statement_tag (tag, tag_value)",
                "CREATE INDEX ix_view_timeline_order" + g
                        + " ON view_timeline (negotiation_id, valid_at_ms, global_index, entry)",
                "CREATE INDEX ix_view_timeline_event" + g + " ON view_timeline (global_index)")) {
            jdbc.execute(sql(ddl));
            afterEach.run();
        }
    }

    /** Drops this generation's tables, those that exist. */
    public void drop(JdbcTemplate jdbc) {
        for (String table : TABLES) {
            jdbc.execute("DROP TABLE IF EXISTS " + name(table));
        }
    }

    /** Empties this generation's tables. */
    void clear(JdbcTemplate jdbc) {
        for (String table : TABLES) {
            jdbc.update("DELETE FROM " + name(table));
        }
    }

    /** H2 keeps a TEXT (a CLOB) outside the row, and rewriting one per event was a rebuild's bottleneck. */
    private static String text(JdbcTemplate jdbc) {
        String product =
                jdbc.execute((ConnectionCallback<String>) c -> c.getMetaData().getDatabaseProductName());
        return product != null && product.startsWith("PostgreSQL") ? "TEXT" : "VARCHAR";
    }
}

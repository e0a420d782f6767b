package org.negotiationledger.projections.rebuild;

import static org.negotiationledger.projections.rebuild.RebuildState.BUILDING;
import static org.negotiationledger.projections.rebuild.RebuildState.DONE;
import static org.negotiationledger.projections.rebuild.RebuildState.FAILED;
import static org.negotiationledger.projections.rebuild.RebuildState.REQUESTED;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The one row ({@code view_rebuild}, id 1) through which the servers ask for a rebuild and follow it. Every
 * change is one conditional update, so two servers that race for a step cannot both take it: each method says
 * whether its update took. States are bound as parameters, by {@link RebuildState}'s names.
 */
public class RebuildRequests {

    private final JdbcTemplate jdbc;

    public RebuildRequests(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public RebuildRequest read() {
        Map<String, Object> row = jdbc.queryForMap(
                "SELECT state, serving, builder, heartbeat, done, total, elapsed_ms FROM view_rebuild WHERE id = 1");
        return new RebuildRequest(
                RebuildState.valueOf((String) row.get("state")),
                ((Number) row.get("serving")).intValue(),
                (String) row.get("builder"),
                ((Number) row.get("heartbeat")).longValue(),
                ((Number) row.get("done")).longValue(),
                ((Number) row.get("total")).longValue(),
                ((Number) row.get("elapsed_ms")).longValue());
    }

    /** Asks for a rebuild unless one is under way, which will take in everything stored before its switch. */
    public void ask(Instant at) {
        jdbc.update(
                "UPDATE view_rebuild SET state = ?, requested_at = ? WHERE id = 1 AND state <> ?",
                REQUESTED.name(),
                Timestamp.from(at),
                BUILDING.name());
    }

    /**
     * Records that the serving generation has layout {@code schema}, for views that hold nothing yet (which
     * have every layout), unless a rebuild is asked for or under way.
     */
    public void adoptLayout(int schema) {
        jdbc.update(
                "UPDATE view_rebuild SET schema_version = ? WHERE id = 1 AND schema_version < ? AND state NOT IN (?, ?)",
                schema,
                schema,
                REQUESTED.name(),
                BUILDING.name());
    }

    /** Asks for a rebuild if the serving generation was built with a layout older than {@code schema}. */
    public boolean askIfOlderThan(int schema, Instant at) {
        return jdbc.update(
                        "UPDATE view_rebuild SET state = ?, requested_at = ? WHERE id = 1 AND schema_version < ? "
                                + "AND state NOT IN (?, ?)",
                        REQUESTED.name(),
                        Timestamp.from(at),
                        schema,
                        REQUESTED.name(),
                        BUILDING.name())
                > 0;
    }

    /** Takes a requested rebuild up as {@code builder}, to build up to {@code total}. */
    public boolean claimRequested(String builder, long total, Instant at) {
        return claim(builder, total, at, "state = ?", REQUESTED.name());
    }

    /** Takes over a build whose heartbeat stood still at {@code heartbeat}: its server died or hangs. */
    public boolean claimStalled(String builder, long heartbeat, long total, Instant at) {
        return claim(builder, total, at, "state = ? AND heartbeat = ?", BUILDING.name(), heartbeat);
    }

    private boolean claim(String builder, long total, Instant at, String condition, Object... conditionArgs) {
        Object[] args = new Object[4 + conditionArgs.length];
        args[0] = BUILDING.name();
        args[1] = builder;
        args[2] = total;
        args[3] = Timestamp.from(at);
        System.arraycopy(conditionArgs, 0, args, 4, conditionArgs.length);
        return jdbc.update(
                        "UPDATE view_rebuild SET state = ?, builder = ?, building = serving + 1, "
                                + "heartbeat = heartbeat + 1, done = 0, total = ?, elapsed_ms = 0, started_at = ? "
                                + "WHERE id = 1 AND " + condition,
                        args)
                == 1;
    }

    /** The build's progress, and a beat of its heartbeat; false once the build is no longer {@code builder}'s. */
    public boolean report(String builder, long done, long total, long elapsedMs) {
        return jdbc.update(
                        "UPDATE view_rebuild SET done = ?, total = ?, elapsed_ms = ?, heartbeat = heartbeat + 1 "
                                + "WHERE id = 1 AND state = ? AND builder = ?",
                        done,
                        total,
                        elapsedMs,
                        BUILDING.name(),
                        builder)
                == 1;
    }

    /**
     * Names {@code generation}, built with layout {@code schema} up to {@code head}, as serving; false (and
     * nothing changed) once the build is no longer {@code builder}'s.
     */
    public boolean switched(String builder, int generation, int schema, long head) {
        return jdbc.update(
                        "UPDATE view_rebuild SET serving = ?, schema_version = ?, state = ?, building = NULL, "
                                + "builder = NULL, done = ?, total = ? WHERE id = 1 AND state = ? AND builder = ?",
                        generation,
                        schema,
                        DONE.name(),
                        head,
                        head,
                        BUILDING.name(),
                        builder)
                == 1;
    }

    /** Gives a build {@code builder} can no longer carry out back to whichever server holds the views' work. */
    public void passOn(String builder) {
        jdbc.update(
                "UPDATE view_rebuild SET state = ?, builder = NULL WHERE id = 1 AND builder = ? AND state = ?",
                REQUESTED.name(),
                builder,
                BUILDING.name());
    }

    /** Records that {@code builder}'s build failed: the serving generation stays, until a new request. */
    public void failed(String builder) {
        jdbc.update(
                "UPDATE view_rebuild SET state = ?, builder = NULL WHERE id = 1 AND builder = ?",
                FAILED.name(),
                builder);
    }
}

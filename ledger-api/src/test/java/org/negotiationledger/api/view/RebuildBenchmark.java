package org.negotiationledger.api.view;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.junit.jupiter.api.Test;
import org.negotiationledger.api.Http;
import org.negotiationledger.api.LedgerInstance;
import org.negotiationledger.api.PostgresSchemas;
import org.negotiationledger.api.TestDatabase;
import org.negotiationledger.projections.rebuild.Rebuilds;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * How fast the views rebuild and catch up, beside what the database gives in the same run. A benchmark, not a
 * test: {@code ./mvnw -pl ledger-api test -Dtest=RebuildBenchmark -Dbenchmark.events=100000}, with
 * {@code -Dbenchmark.database=postgres} for the machine's PostgreSQL. It appends a history
 * ({@link BenchmarkHistory}: truces of ~90 reports, a finding on every tenth), waits for the live views, then
 * measures, and prints, each with its ratio to the first:
 * <ol>
 * <li>the raw rate: every event read in global order, in pages by its key as the rebuild reads, and its payload
 * deserialized, on one thread, no fold and no writes (what the database and the serializer give);</li>
 * <li>the rebuild: {@code POST /api/v1/admin/replays/all} until the progress says DONE;</li>
 * <li>the raw write rate: the rows the rebuild wrote (reports and timeline entries, nearly all of them) copied
 * with the same JDBC batches into fresh tables of the same shape, one transaction per 100,000 (what the database
 * gives for writing what a rebuild must write);</li>
 * <li>the catch-up: the views' processor stopped, 20% more events appended, started, until caught up.</li>
 * </ol>
 */
class RebuildBenchmark {

    private static final int EVENTS = Integer.getInteger("benchmark.events", 100_000);

    @Test
    void rebuildAndCatchUpBesideTheRawReadRate() throws SQLException {
        TestDatabase database = TestDatabase.forBenchmark("ledger-bench");
        try (LedgerInstance ledger = database.start()) {
            Http http = ledger.http();
            int truces = Math.max(10, EVENTS / 100);
            long started = System.nanoTime();
            long appended = BenchmarkHistory.append(ledger, truces, EVENTS);
            double appending = seconds(started);
            ViewsCaughtUp.await(http, Duration.ofMinutes(60));
            System.out.printf(
                    "%nREBUILD BENCHMARK (%s): %d events appended in %.1f s; live views caught up %.1f s later%n",
                    TestDatabase.BENCHMARK, appended, appending, seconds(started) - appending);

            double raw = rawReadRate(ledger);
            System.out.printf(
                    "REBUILD BENCHMARK (%s): raw read + deserialize: %.0f events/s%n", TestDatabase.BENCHMARK, raw);

            started = System.nanoTime();
            assertThat(http.post("/api/v1/admin/replays/all", "").status()).isEqualTo(202);
            List<String> samples = awaitCaughtUp(http);
            double rebuild = appended / seconds(started);
            System.out.printf(
                    "REBUILD BENCHMARK (%s): rebuild: %d events in %.1f s = %.0f events/s = %.3f of the raw rate; "
                            + "progress seen: %s%n",
                    TestDatabase.BENCHMARK, appended, seconds(started), rebuild, rebuild / raw, samples);
            // BenchmarkHistory deals the truces out to max(1, truces / 100) negotiations in turn.
            int negotiations = Math.max(1, truces / 100);
            assertThat(http.get("/api/v1/commitments?negotiationId=bench-0").json())
                    .hasSize((truces + negotiations - 1) / negotiations);
            double[] written = rawWriteRate(ledger);
            System.out.printf(
                    "REBUILD BENCHMARK (%s): raw write of the rebuild's %.0f report and timeline rows: %.0f rows/s, "
                            + "i.e. %.0f events/s at the rebuild's %.2f rows an event; the rebuild ran at %.3f of it%n",
                    TestDatabase.BENCHMARK,
                    written[0],
                    written[1],
                    written[1] * appended / written[0],
                    written[0] / appended,
                    rebuild / (written[1] * appended / written[0]));

            StreamingEventProcessor processor = ledger.bean(Rebuilds.class).processor();
            processor.shutDown();
            long more = BenchmarkHistory.appendMore(ledger, "more-", Math.max(2, truces / 5), EVENTS / 5);
            started = System.nanoTime();
            processor.start();
            awaitCaughtUp(http);
            double catchUp = more / seconds(started);
            System.out.printf(
                    "REBUILD BENCHMARK (%s): catch-up after %d events appended with the views stopped: "
                            + "%.1f s = %.0f events/s = %.3f of the raw rate%n%n",
                    TestDatabase.BENCHMARK, more, seconds(started), catchUp, catchUp / raw);
        } finally {
            if (database.isPostgres()) {
                PostgresSchemas.dropAll();
            }
        }
    }

    /**
     * Every stored event read once in global order, its payload deserialized: the floor a rebuild stands on. Read
     * as the rebuild reads, in pages of 10,000 by the primary key, on one thread: one query over the whole table
     * is slower on H2, which buffers a large result to a temporary file.
     */
    private static double rawReadRate(LedgerInstance ledger) {
        JdbcTemplate jdbc = ledger.bean(JdbcTemplate.class);
        Serializer serializer = ledger.bean(Serializer.class);
        long[] read = {0};
        long[] after = {0};
        long started = System.nanoTime();
        for (int rows = -1; rows != 0; ) {
            long before = read[0];
            jdbc.query(
                    "SELECT globalIndex, payloadType, payloadRevision, payload FROM DomainEventEntry "
                            + "WHERE globalIndex > ? ORDER BY globalIndex FETCH FIRST 10000 ROWS ONLY",
                    rs -> {
                        after[0] = rs.getLong(1);
                        Object payload = serializer.deserialize(new SimpleSerializedObject<>(
                                rs.getBytes(4), byte[].class, rs.getString(2), rs.getString(3)));
                        read[0] += payload == null ? 0 : 1;
                    },
                    after[0]);
            rows = (int) (read[0] - before);
        }
        return read[0] / seconds(started);
    }

    /**
     * The serving generation's report and timeline rows read into memory, then inserted into fresh tables with
     * their primary keys only, in batches of 1,000 and a transaction per 100,000.
     *
     * @return the rows written, and the rate in rows per second
     */
    private static double[] rawWriteRate(LedgerInstance ledger) {
        JdbcTemplate jdbc = ledger.bean(JdbcTemplate.class);
        org.springframework.transaction.support.TransactionTemplate tx =
                ledger.bean(org.springframework.transaction.support.TransactionTemplate.class);
        org.negotiationledger.projections.tables.ViewTables serving =
                org.negotiationledger.projections.tables.ViewTables.serving(jdbc);
        List<Object[]> reports = jdbc.query(
                serving.sql(
                        "SELECT report_key, commitment_id, violation_id, counts_from_ms, " + "state FROM view_report"),
                (rs, n) ->
                        new Object[] {rs.getLong(1), rs.getString(2), rs.getString(3), rs.getLong(4), rs.getString(5)});
        List<Object[]> timeline = jdbc.query(
                serving.sql("SELECT negotiation_id, global_index, entry, valid_at_ms, "
                        + "recorded_at_ms, state FROM view_timeline"),
                (rs, n) -> new Object[] {
                    rs.getString(1), rs.getLong(2), rs.getInt(3), rs.getLong(4), rs.getLong(5), rs.getString(6)
                });
        org.negotiationledger.projections.tables.ViewTables scratch =
                new org.negotiationledger.projections.tables.ViewTables(999);
        scratch.drop(jdbc);
        scratch.create(jdbc);
        long started = System.nanoTime();
        for (int from = 0; from < Math.max(reports.size(), timeline.size()); from += 100_000) {
            int at = from;
            tx.executeWithoutResult(status -> {
                jdbc.batchUpdate(
                        scratch.sql("INSERT INTO view_report (report_key, commitment_id, violation_id, "
                                + "counts_from_ms, state) VALUES (?, ?, ?, ?, ?)"),
                        slice(reports, at));
                jdbc.batchUpdate(
                        scratch.sql("INSERT INTO view_timeline (negotiation_id, global_index, entry, "
                                + "valid_at_ms, recorded_at_ms, state) VALUES (?, ?, ?, ?, ?, ?)"),
                        slice(timeline, at));
            });
        }
        double seconds = seconds(started);
        scratch.drop(jdbc);
        double rows = reports.size() + timeline.size();
        return new double[] {rows, rows / seconds};
    }

    private static List<Object[]> slice(List<Object[]> rows, int from) {
        return rows.subList(Math.min(from, rows.size()), Math.min(from + 100_000, rows.size()));
    }

    private static List<String> awaitCaughtUp(Http http) {
        List<String> samples = new ArrayList<>();
        org.awaitility.Awaitility.await()
                .atMost(Duration.ofMinutes(60))
                .pollInterval(Duration.ofMillis(500))
                .until(() -> {
                    JsonNode progress = http.get("/api/v1/admin/replays/all").json();
                    samples.add(progress.get("percent").asText() + "%");
                    return "DONE".equals(progress.get("state").asText())
                            && progress.get("done").asLong()
                                    == progress.get("total").asLong();
                });
        return samples.size() > 12 ? samples.subList(samples.size() - 12, samples.size()) : samples;
    }

    private static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }
}

package org.negotiationledger.api.command;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.negotiationledger.api.Http;
import org.negotiationledger.api.LedgerInstance;
import org.negotiationledger.api.SmallWorld;
import org.negotiationledger.api.TestDatabase;

/**
 * What the command path sustains over real HTTP, beside what this machine gives in the same run: the server's
 * HTTP floor (the cheapest authenticated request, 16 clients) and the database's raw rate of durable
 * single-row commits (16 threads, on the server's own connection pool).
 *
 * <ul>
 *   <li>Hot record: {@code benchmark.reports} reports on one truce from one client, then as many on another
 *       truce from 16 clients at once; the mean cost of the first and the last thousand, side by side. A
 *       command's cost must not grow with its record's history.</li>
 *   <li>Ingest: 16 clients posting a mix of commands as the demo history has them (reports on many truces, a
 *       finding on some, statements, talks): acknowledged commands/s, p50 and p99.</li>
 *   <li>Bulk import: {@code benchmark.imported} reports in one {@code POST /api/v1/imports}: commands/s.</li>
 * </ul>
 *
 * <p>A benchmark, not a test: {@code ./mvnw -pl ledger-api test -Dtest=IngestBenchmark}, add
 * {@code -Dbenchmark.database=postgres}, {@code -Dbenchmark.reports=10000}, {@code -Dbenchmark.commands=8000}.
 */
class IngestBenchmark {

    private static final int REPORTS = Integer.getInteger("benchmark.reports", 10_000);
    private static final int COMMANDS = Integer.getInteger("benchmark.commands", 8_000);
    private static final int IMPORTED = Integer.getInteger("benchmark.imported", 20_000);
    private static final int CLIENTS = 16;
    private static final int TRUCES = 50;

    @Test
    void commandsBesideTheHttpFloorAndTheRawCommitRate() throws Exception {
        TestDatabase database = TestDatabase.forBenchmark("ledger-ingest-bench");
        try (LedgerInstance ledger = database.start()) {
            Http http = ledger.http().withoutLocationCheck();
            SmallWorld.partiesAndNegotiation(http);
            for (int t = 0; t < TRUCES; t++) {
                SmallWorld.truce(http, "t" + t);
            }
            SmallWorld.truce(http, "hot-1");
            SmallWorld.truce(http, "hot-16");
            SmallWorld.truce(http, "warm-up");
            // Compiled code before anything is measured: the first requests of a JVM run interpreted.
            run(
                    CLIENTS,
                    2_000,
                    n -> n % 2 == 0 ? http.get("/api/v1/actors/armenia") : report(http, "warm-up", "w" + n));

            Run floor = run(CLIENTS, COMMANDS, n -> http.get("/api/v1/actors/armenia"));
            double commits = rawCommitRate(ledger.bean(DataSource.class), CLIENTS, COMMANDS);
            System.out.printf(
                    "%nINGEST BENCHMARK (%s): HTTP floor (GET an actor, %d clients) %.0f req/s; raw durable "
                            + "single-row commits (%d threads) %.0f/s%n",
                    TestDatabase.BENCHMARK, CLIENTS, floor.rate(), CLIENTS, commits);

            Run hotOne = run(1, REPORTS, n -> report(http, "hot-1", "h" + n));
            Run hotMany = run(CLIENTS, REPORTS, n -> report(http, "hot-16", "h" + n));
            for (Run hot : List.of(hotOne, hotMany)) {
                int slice = Math.min(1_000, REPORTS / 10);
                double first = hot.meanOf(0, slice);
                double last = hot.meanOf(REPORTS - slice, REPORTS);
                System.out.printf(
                        "INGEST BENCHMARK (%s): hot record, %d reports on one truce, %2d client(s): "
                                + "first %d %.2f ms, last %d %.2f ms (last/first %.2f); %.0f reports/s%n",
                        TestDatabase.BENCHMARK,
                        REPORTS,
                        hot.clients(),
                        slice,
                        first,
                        slice,
                        last,
                        last / first,
                        hot.rate());
            }

            // A finding on the report posted 110 commands earlier: long acknowledged, whatever the interleaving.
            Run mix = run(CLIENTS, COMMANDS, n -> switch (n % 10) {
                case 7 -> http.post("/api/v1/statements", """
                        {"author": "russia", "issuedAt": "2020-10-12T10:00+04:00", "kinds": ["CALL"],
                         "text": "All parties must respect the humanitarian truce."}""");
                case 8 -> http.post("/api/v1/negotiations/nk/talks", """
                        {"venue": "Moscow", "startedAt": "2020-10-09T15:00+03:00",
                         "participants": [{"actor": "armenia", "role": "PARTY"}, {"actor": "russia", "role": "MEDIATOR"}]}""");
                case 9 ->
                    n < 110
                            ? report(http, "t" + (n % TRUCES), "m" + n)
                            : http.post(
                                    "/api/v1/commitments/t" + ((n - 109) % TRUCES) + "/violations/m" + (n - 109)
                                            + "/assessment",
                                    """
                                {"outcome": "ATTRIBUTED", "attributedTo": "azerbaijan", "assessedBy": "russia",
                                 "assessedAt": "2020-10-11T12:00+04:00"}""");
                default -> report(http, "t" + (n % TRUCES), "m" + n);
            });
            System.out.printf(
                    "INGEST BENCHMARK (%s): mix of %d commands, %d clients: %.0f commands/s, p50 %.1f ms, "
                            + "p99 %.1f ms; ratio to the HTTP floor %.2f, to the raw commit rate %.2f; %d refused%n",
                    TestDatabase.BENCHMARK,
                    COMMANDS,
                    CLIENTS,
                    mix.rate(),
                    mix.percentile(0.50),
                    mix.percentile(0.99),
                    mix.rate() / floor.rate(),
                    mix.rate() / commits,
                    mix.refused());
            assertThat(hotOne.refused() + hotMany.refused()).isZero();

            // The bulk import: one request, batches of one transaction each.
            StringBuilder file = new StringBuilder();
            for (int n = 0; n < IMPORTED; n++) {
                file.append("{\"path\": \"/api/v1/commitments/t")
                        .append(n % TRUCES)
                        .append("/violations\", \"body\": ")
                        .append("{\"id\": \"imp")
                        .append(n)
                        .append("\", \"reportedBy\": \"armenia\", \"accused\": \"azerbaijan\", ")
                        .append(
                                "\"occurredAt\": \"2020-10-10T12:05+04:00\", \"description\": \"shelling of a village\"}}\n");
            }
            long started = System.nanoTime();
            Http.Response imported = http.post(
                    "/api/v1/imports?id=bench-import", file.toString(), "Content-Type", "application/x-ndjson");
            double importSeconds = (System.nanoTime() - started) / 1e9;
            assertThat(imported.status()).as(imported.text()).isEqualTo(200);
            assertThat(imported.json().get("recorded").asInt()).isEqualTo(IMPORTED);
            System.out.printf(
                    "INGEST BENCHMARK (%s): bulk import of %d reports in one request: %.1f s, %.0f commands/s; "
                            + "ratio to the raw commit rate %.2f%n",
                    TestDatabase.BENCHMARK,
                    IMPORTED,
                    importSeconds,
                    IMPORTED / importSeconds,
                    IMPORTED / importSeconds / commits);
        }
    }

    private static Http.Response report(Http http, String truce, String id) {
        return http.post("/api/v1/commitments/" + truce + "/violations", """
                {"id": "%s", "reportedBy": "armenia", "accused": "azerbaijan", "occurredAt": "2020-10-10T12:05+04:00",
                 "location": {"name": "near Fuzuli", "latitude": 39.6, "longitude": 47.1},
                 "description": "shelling of a village", "source": "Ministry of Defence"}""".formatted(id));
    }

    /** Requests 0..count-1 spread over {@code clients} threads; each one's latency, in order of completion. */
    private static Run run(int clients, int count, IntFunction<Http.Response> request) throws Exception {
        AtomicInteger next = new AtomicInteger();
        AtomicInteger refused = new AtomicInteger();
        List<long[]> done = Collections.synchronizedList(new ArrayList<>(count));
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        long started = System.nanoTime();
        List<Future<?>> workers = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            workers.add(pool.submit(() -> {
                for (int n = next.getAndIncrement(); n < count; n = next.getAndIncrement()) {
                    long sent = System.nanoTime();
                    Http.Response response = request.apply(n);
                    int status = response.status();
                    long answered = System.nanoTime();
                    if (status >= 300 && refused.getAndIncrement() == 0) {
                        System.out.println("INGEST BENCHMARK: first refusal: " + status + " " + response.text());
                    }
                    done.add(new long[] {answered, answered - sent});
                }
            }));
        }
        for (Future<?> worker : workers) {
            worker.get();
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        pool.shutdown();
        List<long[]> ordered = new ArrayList<>(done);
        ordered.sort((x, y) -> Long.compare(x[0], y[0]));
        return new Run(
                clients, ordered.stream().mapToDouble(d -> d[1] / 1e6).toArray(), count / seconds, refused.get());
    }

    /** The database's own limit for what the command path does once per command: commit one row durably. */
    private static double rawCommitRate(DataSource dataSource, int threads, int count) throws Exception {
        try (Connection connection = dataSource.getConnection();
                Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE bench_commit (id INTEGER PRIMARY KEY, payload VARCHAR(1000))");
        }
        AtomicInteger next = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        long started = System.nanoTime();
        List<Future<?>> workers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            workers.add(pool.submit(() -> {
                try (Connection connection = dataSource.getConnection();
                        PreparedStatement insert =
                                connection.prepareStatement("INSERT INTO bench_commit (id, payload) VALUES (?, ?)")) {
                    connection.setAutoCommit(true);
                    for (int n = next.getAndIncrement(); n < count; n = next.getAndIncrement()) {
                        insert.setInt(1, n);
                        insert.setString(2, "x".repeat(600));
                        insert.executeUpdate();
                    }
                }
                return null;
            }));
        }
        for (Future<?> worker : workers) {
            worker.get();
        }
        double rate = count / ((System.nanoTime() - started) / 1e9);
        pool.shutdown();
        try (Connection connection = dataSource.getConnection();
                Statement statement = connection.createStatement()) {
            statement.execute("DROP TABLE bench_commit");
        } catch (SQLException ignored) {
            // a scratch table: left behind in a scratch database, it harms nothing
        }
        return rate;
    }

    private record Run(int clients, double[] millis, double rate, int refused) {

        double meanOf(int from, int to) {
            double sum = 0;
            for (int i = from; i < to; i++) {
                sum += millis[i];
            }
            return sum / (to - from);
        }

        double percentile(double p) {
            double[] sorted = millis.clone();
            java.util.Arrays.sort(sorted);
            return sorted[Math.min(sorted.length - 1, (int) Math.ceil(sorted.length * p) - 1)];
        }
    }
}

package org.negotiationledger.api.storage;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.negotiationledger.api.ApiTest;
import org.negotiationledger.api.Http;
import org.negotiationledger.api.LedgerInstance;
import org.negotiationledger.api.SmallWorld;
import org.negotiationledger.api.view.BenchmarkHistory;
import org.negotiationledger.api.view.ViewsCaughtUp;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * What the embedded H2 costs on disk, with the views on: {@code benchmark.commands} reports posted over HTTP
 * by 16 clients (one commit each: how a running ledger grows), then a synthetic history appended up to
 * {@code benchmark.events}; the bytes per event while the server runs and after a restart, and verification's
 * rate on the restarted server, cold (its first run) and warm (its second). A benchmark, not a test:
 * {@code ./mvnw -pl ledger-api test -Dtest=FootprintBenchmark -Dbenchmark.events=1000000}.
 */
class FootprintBenchmark {

    private static final int EVENTS = Integer.getInteger("benchmark.events", 1_000_000);
    private static final int COMMANDS = Integer.getInteger("benchmark.commands", 10_000);

    @Test
    void bytesPerEventWhileRunningAndAfterARestart() throws Exception {
        Path dir = ApiTest.temporaryDirectory("ledger-footprint");
        Map<String, String> settings = Map.of("ledger.data-dir", dir.toString());
        long events;
        try (LedgerInstance ledger = LedgerInstance.start(settings)) {
            Http http = ledger.http().withoutLocationCheck();
            SmallWorld.partiesAndNegotiation(http);
            for (int t = 0; t < 50; t++) {
                SmallWorld.truce(http, "t" + t);
            }
            AtomicInteger next = new AtomicInteger();
            ExecutorService clients = Executors.newFixedThreadPool(16);
            for (int c = 0; c < 16; c++) {
                clients.submit(() -> {
                    for (int n = next.getAndIncrement(); n < COMMANDS; n = next.getAndIncrement()) {
                        http.post("/api/v1/commitments/t" + (n % 50) + "/violations", """
                                {"id": "c%d", "reportedBy": "armenia", "accused": "azerbaijan",
                                 "occurredAt": "2020-10-10T12:05+04:00", "description": "shelling of a village"}""".formatted(n));
                    }
                });
            }
            clients.shutdown();
            assertThat(clients.awaitTermination(30, TimeUnit.MINUTES)).isTrue();
            events = count(ledger);
            ViewsCaughtUp.await(http, Duration.ofMinutes(10));
            System.out.printf(
                    "%nFOOTPRINT BENCHMARK (h2): %d events after %d commands, one commit each: %s%n",
                    events, COMMANDS, perEvent(dir, events));

            BenchmarkHistory.append(ledger, Math.max(10, (EVENTS - (int) events) / 100), EVENTS - (int) events);
            ViewsCaughtUp.await(http, Duration.ofMinutes(60));
            events = count(ledger);
            System.out.printf(
                    "FOOTPRINT BENCHMARK (h2): %d events, views caught up, server running: %s%n",
                    events, perEvent(dir, events));
        }
        System.out.printf("FOOTPRINT BENCHMARK (h2): %d events, server stopped: %s%n", events, perEvent(dir, events));
        try (LedgerInstance ledger = LedgerInstance.start(settings)) {
            System.out.printf(
                    "FOOTPRINT BENCHMARK (h2): %d events, after a restart: %s%n", events, perEvent(dir, events));
            for (String run : new String[] {"cold", "warm"}) {
                long started = System.nanoTime();
                JsonNode report = ledger.http().get("/api/v1/audit/verify").json();
                double seconds = (System.nanoTime() - started) / 1e9;
                assertThat(report.get("verified").asBoolean())
                        .as(report.toString())
                        .isTrue();
                System.out.printf(
                        "FOOTPRINT BENCHMARK (h2): verification %s: %d events in %.1f s = %.0f events/s%n",
                        run, events, seconds, events / seconds);
            }
        }
        // The live data alone: H2 rewritten offline into as few chunks as hold it (what SHUTDOWN COMPACT leaves).
        long started = System.nanoTime();
        try (java.sql.Connection h2 =
                        java.sql.DriverManager.getConnection("jdbc:h2:file:" + dir + "/ledger", "sa", "");
                java.sql.Statement statement = h2.createStatement()) {
            statement.execute("SHUTDOWN COMPACT");
        }
        System.out.printf(
                "FOOTPRINT BENCHMARK (h2): %d events, compacted offline in %.0f s (the live data): %s%n",
                events, (System.nanoTime() - started) / 1e9, perEvent(dir, events));
    }

    private static long count(LedgerInstance ledger) {
        return ledger.bean(JdbcTemplate.class).queryForObject("SELECT COUNT(*) FROM DomainEventEntry", Long.class);
    }

    private static String perEvent(Path dir, long events) {
        long bytes;
        try (Stream<Path> files = Files.walk(dir)) {
            bytes = files.filter(Files::isRegularFile)
                    .mapToLong(file -> {
                        try {
                            return Files.size(file);
                        } catch (IOException e) {
                            throw new UncheckedIOException(e);
                        }
                    })
                    .sum();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return String.format("%,d bytes on disk, %.0f bytes per event", bytes, (double) bytes / events);
    }
}

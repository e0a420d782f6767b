package org.negotiationledger.api.audit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventProcessor;
import org.junit.jupiter.api.Test;
import org.negotiationledger.api.Http;
import org.negotiationledger.api.LedgerInstance;
import org.negotiationledger.api.PostgresSchemas;
import org.negotiationledger.api.TestDatabase;
import org.negotiationledger.api.view.BenchmarkHistory;

/**
 * Verification speed: {@code GET /api/v1/audit/verify} over 1,000,000 sealed events (the as-of benchmark's
 * synthetic history, appended through the sealing event store). A benchmark, not a test:
 * {@code ./mvnw -pl ledger-api test -Dtest=VerifyBenchmark} ({@code -Dbenchmark.events=...}).
 */
class VerifyBenchmark {

    private static final int EVENTS = Integer.getInteger("benchmark.events", 1_000_000);

    @Test
    void verifyOneMillionEvents() throws java.sql.SQLException {
        TestDatabase database = TestDatabase.forBenchmark("ledger-verify-bench");
        try (LedgerInstance ledger = database.start()) {
            // Only the event store is measured: the views are not kept while the history is appended.
            ledger.bean(EventProcessingConfiguration.class)
                    .eventProcessor("views")
                    .ifPresent(EventProcessor::shutDown);
            long appending = System.nanoTime();
            long appended = BenchmarkHistory.append(ledger, 2_000, EVENTS);
            System.out.printf(
                    "%nVERIFY BENCHMARK (%s): %d events appended and sealed in %.0f s%n",
                    TestDatabase.BENCHMARK, appended, (System.nanoTime() - appending) / 1e9);
            Http http = ledger.http();
            for (int run = 1; run <= 3; run++) {
                long start = System.nanoTime();
                JsonNode report = http.get("/api/v1/audit/verify").json();
                double seconds = (System.nanoTime() - start) / 1e9;
                assertThat(report.get("verified").asBoolean())
                        .as(report.toString())
                        .isTrue();
                assertThat(report.get("events").asLong()).isEqualTo(appended);
                System.out.printf(
                        "VERIFY BENCHMARK (" + TestDatabase.BENCHMARK
                                + "): run %d: %d events verified in %.2f s = %.0f events/s, head %s%n",
                        run,
                        appended,
                        seconds,
                        appended / seconds,
                        report.get("head").asText());
            }
        } finally {
            if (database.isPostgres()) {
                PostgresSchemas.dropAll();
            }
        }
    }
}

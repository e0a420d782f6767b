package org.negotiationledger.api.view;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.function.IntFunction;
import org.junit.jupiter.api.Test;
import org.negotiationledger.api.Http;
import org.negotiationledger.api.LedgerInstance;

/**
 * Latency of the as-of views with 1,000,000 stored events ({@link BenchmarkHistory}): one commitment, and the
 * broken-within-hours list of one negotiation and of the whole ledger, each at random record and valid times,
 * over real HTTP. A benchmark, not a test: {@code ./mvnw -pl ledger-api test -Dtest=AsOfBenchmark}
 * ({@code -Dbenchmark.events=...}, {@code -Dbenchmark.truces=...} to change the size).
 */
class AsOfBenchmark {

    private static final int EVENTS = Integer.getInteger("benchmark.events", 1_000_000);
    private static final int TRUCES = Integer.getInteger("benchmark.truces", 2_000);
    private static final int REQUESTS = 500;

    @Test
    void asOfViewsAtOneMillionEvents() {
        try (LedgerInstance ledger = LedgerInstance.fresh("ledger-asof-bench")) {
            Http http = ledger.http();
            long appended = BenchmarkHistory.append(ledger, TRUCES, EVENTS);
            Instant last = Instant.now();
            // Ask as of moments when every truce had been recorded, so that each query names an existing record.
            Instant first = Instant.parse(http.get("/api/v1/audit/events?limit=1&aggregateId=truce-" + (TRUCES - 1))
                    .json()
                    .get(0)
                    .get("recordedAt")
                    .asText());
            long projecting = System.nanoTime();
            ViewsCaughtUp.await(http, java.time.Duration.ofMinutes(30));
            System.out.printf(
                    "%nAS-OF BENCHMARK: %d events appended; views caught up %.0f s after the last append%n",
                    appended, (System.nanoTime() - projecting) / 1e9);
            Random random = new Random(42);
            IntFunction<String> moment = i -> "asOf="
                    + first.plusMillis((long) (random.nextDouble() * (last.toEpochMilli() - first.toEpochMilli())))
                    + "&validAt=2020-10-" + (11 + random.nextInt(19))
                    + "T00:00Z";
            report(
                    "one commitment",
                    i -> "/api/v1/commitments/truce-" + random.nextInt(TRUCES) + "?" + moment.apply(i),
                    http);
            report(
                    "broken within 1 h, one negotiation",
                    i -> "/api/v1/commitments/broken?withinHours=1&negotiationId=bench-"
                            + random.nextInt(Math.max(1, TRUCES / 100)) + "&" + moment.apply(i),
                    http);
            report(
                    "broken within 1 h, whole ledger",
                    i -> "/api/v1/commitments/broken?withinHours=1&" + moment.apply(i),
                    http);
        }
    }

    private static void report(String what, IntFunction<String> path, Http http) {
        for (int i = 0; i < 20; i++) {
            http.get(path.apply(i)); // warm up
        }
        List<Double> millis = new ArrayList<>();
        for (int i = 0; i < REQUESTS; i++) {
            long start = System.nanoTime();
            Http.Response response = http.get(path.apply(i));
            millis.add((System.nanoTime() - start) / 1e6);
            assertThat(response.status()).as(response.text()).isEqualTo(200);
        }
        Collections.sort(millis);
        System.out.printf(
                "AS-OF BENCHMARK: %-36s p50 %6.1f ms  p99 %6.1f ms  max %6.1f ms (%d requests)%n",
                what,
                millis.get(REQUESTS / 2),
                millis.get((int) (REQUESTS * 0.99) - 1),
                millis.get(REQUESTS - 1),
                REQUESTS);
    }
}

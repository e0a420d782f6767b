package org.negotiationledger.api.view;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.negotiationledger.api.ApiTest;
import org.negotiationledger.api.Http;
import org.negotiationledger.api.LedgerInstance;

/**
 * How fast the views rebuild: 100,000 stored events ({@link BenchmarkHistory} with 1,000 truces), then
 * POST /api/v1/admin/replays/all, timed until the progress says DONE. A benchmark,
 * not a test: run it with {@code ./mvnw -pl ledger-api test -Dtest=RebuildBenchmark}.
 */
class RebuildBenchmark {

    private static final int EVENTS = Integer.getInteger("benchmark.events", 100_000);

    @Test
    void rebuildOneHundredThousandEvents() {
        try (LedgerInstance ledger = LedgerInstance.start(Map.of(
                "ledger.data-dir", ApiTest.temporaryDirectory("ledger-bench").toString()))) {
            Http http = ledger.http();
            long appended = BenchmarkHistory.append(ledger, 1000, EVENTS);
            ViewsCaughtUp.await(http);
            long started = System.nanoTime();
            assertThat(http.post("/api/v1/admin/replays/all", "").status()).isEqualTo(202);
            List<String> samples = new ArrayList<>();
            org.awaitility.Awaitility.await().atMost(Duration.ofMinutes(10)).pollInterval(Duration.ofSeconds(1)).until(() -> {
                JsonNode progress = http.get("/api/v1/admin/replays/all").json();
                samples.add(progress.get("percent").asText() + "%");
                return "DONE".equals(progress.get("state").asText())
                        && progress.get("done").asLong() == progress.get("total").asLong();
            });
            double seconds = (System.nanoTime() - started) / 1e9;
            System.out.printf("%nREBUILD BENCHMARK: %d events rebuilt in %.1f s = %.0f events/s; progress seen: %s%n%n",
                    appended, seconds, appended / seconds, samples);
            assertThat(http.get("/api/v1/commitments?negotiationId=bench-0").json()).hasSize(100);
        }
    }
}

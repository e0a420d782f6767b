package org.negotiationledger.api.stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.negotiationledger.api.Http;
import org.negotiationledger.api.LedgerInstance;
import org.negotiationledger.api.SseClient;
import org.negotiationledger.api.TestDatabase;

/**
 * How long a change takes to reach every subscriber: 200 clients on the commitments stream, then commands one
 * after another; for each, the delay from the command's 201 to the moment the last subscriber has the change.
 * On H2 one server; on PostgreSQL two, the commands sent to one and the subscribers on the other.
 * A benchmark, not a test: {@code ./mvnw -pl ledger-api test -Dtest=StreamBenchmark}
 * ({@code -Dbenchmark.database=postgres}, {@code -Dbenchmark.subscribers=...}, {@code -Dbenchmark.commands=...}).
 */
class StreamBenchmark {

    private static final int SUBSCRIBERS = Integer.getInteger("benchmark.subscribers", 200);
    private static final int COMMANDS = Integer.getInteger("benchmark.commands", 100);

    @Test
    void aChangeReachesTwoHundredSubscribers() {
        TestDatabase database = TestDatabase.forBenchmark("ledger-stream-bench");
        boolean postgres = database.isPostgres();
        try (LedgerInstance ledger = database.start();
                LedgerInstance subscribed = postgres ? database.start() : null) {
            Http http = ledger.http();
            int subscriberPort = (postgres ? subscribed : ledger).port();
            for (String actor : new String[] {"bench-a", "bench-b", "bench-m"}) {
                http.post("/api/v1/actors", """
                        {"id": "%s", "name": "%s", "kind": "STATE"}""".formatted(actor, actor));
            }
            http.post("/api/v1/negotiations", """
                    {"id": "bench", "title": "Bench", "parties": ["bench-a", "bench-b"], "mediators": ["bench-m"]}""");
            assertThat(http.post("/api/v1/truces", """
                    {"id": "bench-truce", "negotiationId": "bench", "kind": "CEASEFIRE", "title": "Truce",
                     "parties": ["bench-a", "bench-b"], "agreedAt": "2020-10-10T03:00+03:00",
                     "effectiveFrom": "2020-10-10T12:00+04:00"}""").status()).isEqualTo(201);

            List<SseClient> clients = new ArrayList<>();
            for (int i = 0; i < SUBSCRIBERS; i++) {
                clients.add(SseClient.open(subscriberPort, "/api/v1/stream/commitments"));
            }
            await().atMost(Duration.ofMinutes(1))
                    .until(() -> clients.stream()
                            .allMatch(c -> c.events("commitment").size() == 1));

            List<Double> millis = new ArrayList<>();
            for (int n = 1; n <= COMMANDS; n++) {
                int expected = n + 1;
                Http.Response response = http.post("/api/v1/commitments/bench-truce/violations", """
                        {"id": "bench-v%d", "reportedBy": "bench-a", "accused": "bench-b",
                         "occurredAt": "2020-10-10T12:30+04:00"}""".formatted(n));
                long acknowledged = System.nanoTime();
                assertThat(response.status()).as(response.text()).isEqualTo(201);
                await().atMost(Duration.ofMinutes(1))
                        .pollInterval(Duration.ofMillis(5))
                        .until(() -> clients.stream()
                                .allMatch(c -> c.events("commitment").size() >= expected));
                long last = clients.stream()
                        .mapToLong(c -> c.events("commitment").get(expected - 1).receivedNanos())
                        .max()
                        .orElseThrow();
                millis.add((last - acknowledged) / 1e6);
            }
            clients.forEach(SseClient::close);
            Collections.sort(millis);
            System.out.printf(
                    "%nSTREAM BENCHMARK (%s): %d subscribers%s, %d commands: from 201 to the last subscriber "
                            + "p50 %.1f ms  p99 %.1f ms  max %.1f ms%n",
                    TestDatabase.BENCHMARK,
                    SUBSCRIBERS,
                    postgres ? " on the other server" : "",
                    COMMANDS,
                    millis.get(millis.size() / 2),
                    millis.get((int) Math.ceil(millis.size() * 0.99) - 1),
                    millis.get(millis.size() - 1));
        }
    }
}

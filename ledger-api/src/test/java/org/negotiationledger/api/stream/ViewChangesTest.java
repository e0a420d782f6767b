package org.negotiationledger.api.stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.sql.SQLException;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.negotiationledger.api.ApiTest;
import org.negotiationledger.api.Http;
import org.negotiationledger.api.LedgerInstance;
import org.negotiationledger.api.PostgresSchemas;
import org.negotiationledger.api.SseClient;

/**
 * Streams are woken by the news that the views changed, not by their poll: with the poll an hour apart, a
 * change still reaches the subscribers, on the node that projected it (its own projection's word) and on
 * another node of the same PostgreSQL database ({@code LISTEN/NOTIFY}).
 */
class ViewChangesTest {

    /** Neither the poll nor a heartbeat (which also looks for what changed) comes within the test. */
    private static final Map<String, String> NO_POLL = Map.of("ledger.streams.poll-interval", "PT1H",
            "ledger.streams.heartbeat", "PT1H");

    @AfterAll
    static void dropSchemas() throws SQLException {
        if (PostgresSchemas.unavailable() == null) {
            PostgresSchemas.dropAll();
        }
    }

    @Test
    void theNodeThatProjectedAChangeWakesItsStreams() {
        Map<String, String> settings = new java.util.HashMap<>(NO_POLL);
        settings.put("ledger.data-dir", ApiTest.temporaryDirectory("ledger-view-changes").toString());
        try (LedgerInstance ledger = LedgerInstance.start(settings)) {
            setUp(ledger.http());
            try (SseClient stream = SseClient.open(ledger.port(), "/api/v1/stream/commitments?negotiationId=talks")) {
                assertThat(ledger.http().post("/api/v1/truces", truce("woken")).status()).isEqualTo(201);
                await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(stream.events("commitment"))
                        .extracting(e -> e.json().get("id").asText()).containsExactly("woken"));
            }
        }
    }

    @Test
    void everyNodeOfAPostgresDatabaseHearsOfAChange() {
        PostgresSchemas.assumeAvailable("LISTEN/NOTIFY between two servers");
        LedgerInstance.SharedDatabase database = LedgerInstance.SharedDatabase.create("ledger-view-changes");
        try (LedgerInstance one = database.start(NO_POLL); LedgerInstance two = database.start(NO_POLL)) {
            setUp(one.http());
            // One of the two projects the views; a subscriber on each, so one of them hears it from the other.
            try (SseClient onOne = SseClient.open(one.port(), "/api/v1/stream/commitments?negotiationId=talks");
                    SseClient onTwo = SseClient.open(two.port(), "/api/v1/stream/commitments?negotiationId=talks")) {
                assertThat(two.http().post("/api/v1/truces", truce("heard")).status()).isEqualTo(201);
                for (SseClient stream : new SseClient[] {onOne, onTwo}) {
                    await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(stream.events("commitment"))
                            .extracting(e -> e.json().get("id").asText()).containsExactly("heard"));
                }
            }
        }
    }

    private static void setUp(Http http) {
        for (String actor : new String[] {"node-a", "node-b", "node-m"}) {
            assertThat(http.post("/api/v1/actors", """
                    {"id": "%s", "name": "%s", "kind": "STATE"}""".formatted(actor, actor)).status()).isEqualTo(201);
        }
        assertThat(http.post("/api/v1/negotiations", """
                {"id": "talks", "title": "Talks", "parties": ["node-a", "node-b"], "mediators": ["node-m"]}""")
                .status()).isEqualTo(201);
    }

    private static String truce(String id) {
        return """
                {"id": "%s", "negotiationId": "talks", "kind": "CEASEFIRE", "title": "Truce %s",
                 "parties": ["node-a", "node-b"], "agreedAt": "2020-10-10T03:00+03:00",
                 "effectiveFrom": "2020-10-10T12:00+04:00"}""".formatted(id, id);
    }
}

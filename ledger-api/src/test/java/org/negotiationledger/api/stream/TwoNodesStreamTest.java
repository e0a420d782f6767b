package org.negotiationledger.api.stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.sql.SQLException;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.negotiationledger.api.Http;
import org.negotiationledger.api.LedgerInstance;
import org.negotiationledger.api.PostgresSchemas;
import org.negotiationledger.api.SseClient;

/**
 * Two ledger servers on one database: a subscriber on either sees changes made through the other, although
 * only one of them runs the views' projection. PostgreSQL where it answers, else two servers on one H2 file.
 */
class TwoNodesStreamTest {

    @AfterAll
    static void dropSchemas() throws SQLException {
        if (PostgresSchemas.unavailable() == null) {
            PostgresSchemas.dropAll();
        }
    }

    @Test
    void aSubscriberOnEitherNodeSeesChangesMadeThroughTheOther() {
        LedgerInstance.SharedDatabase database = LedgerInstance.SharedDatabase.create("ledger-two-nodes");
        try (LedgerInstance one = database.start(); LedgerInstance two = database.start()) {
            Http first = one.http();
            Http second = two.http();
            for (String actor : new String[] {"node-a", "node-b", "node-m"}) {
                assertThat(first.post("/api/v1/actors", """
                        {"id": "%s", "name": "%s", "kind": "STATE"}""".formatted(actor, actor)).status()).isEqualTo(201);
            }
            assertThat(second.post("/api/v1/negotiations", """
                    {"id": "talks", "title": "Talks", "parties": ["node-a", "node-b"], "mediators": ["node-m"]}""")
                    .status()).isEqualTo(201);

            try (SseClient onOne = SseClient.open(one.port(), "/api/v1/stream/commitments?negotiationId=talks");
                    SseClient onTwo = SseClient.open(two.port(), "/api/v1/stream/commitments?negotiationId=talks")) {
                assertThat(second.post("/api/v1/truces", truce("made-on-two")).status()).isEqualTo(201);
                assertThat(first.post("/api/v1/truces", truce("made-on-one")).status()).isEqualTo(201);

                for (SseClient stream : new SseClient[] {onOne, onTwo}) {
                    await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(stream.events("commitment"))
                            .extracting(e -> e.json().get("id").asText())
                            .containsExactlyInAnyOrder("made-on-two", "made-on-one"));
                }
            }
        }
    }

    private static String truce(String id) {
        return """
                {"id": "%s", "negotiationId": "talks", "kind": "CEASEFIRE", "title": "Truce %s",
                 "parties": ["node-a", "node-b"], "agreedAt": "2020-10-10T03:00+03:00",
                 "effectiveFrom": "2020-10-10T12:00+04:00"}""".formatted(id, id);
    }
}

package org.negotiationledger.api.view;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.negotiationledger.api.Http;
import org.negotiationledger.api.LedgerInstance;
import org.springframework.jdbc.core.JdbcTemplate;

/** An event the views cannot apply stops them and shows in health; it is never skipped. */
class ProjectionFailureTest {

    @Test
    void anEventTheViewsCannotReadStopsThemAndShowsInHealth() {
        try (LedgerInstance ledger = LedgerInstance.fresh("ledger-failure")) {
            Http http = ledger.http().withoutLocationCheck();
            assertThat(http.post("/api/v1/actors", """
                    {"id": "before", "name": "Before", "kind": "STATE"}""").status()).isEqualTo(201);
            ViewsCaughtUp.await(http);
            // Written behind the ledger's back: a payload that is not JSON.
            ledger.bean(JdbcTemplate.class)
                    .update(
                            "INSERT INTO DomainEventEntry (eventIdentifier, aggregateIdentifier, "
                                    + "sequenceNumber, type, timeStamp, payloadType, payload, metaData) VALUES (?, ?, 0, 'Actor', ?, ?, ?, ?)",
                            UUID.randomUUID().toString(),
                            "actor:broken",
                            "2026-01-01T00:00:00.000Z",
                            "org.negotiationledger.core.actor.ActorRegistered",
                            "{not json".getBytes(StandardCharsets.UTF_8),
                            "{}".getBytes(StandardCharsets.UTF_8));
            assertThat(http.post("/api/v1/actors", """
                    {"id": "after", "name": "After", "kind": "STATE"}""").status()).isEqualTo(201);

            await().atMost(Duration.ofMinutes(1))
                    .pollInterval(Duration.ofMillis(100))
                    .untilAsserted(() -> {
                        JsonNode health = http.get("/actuator/health").json();
                        assertThat(health.get("components")
                                        .get("views")
                                        .get("status")
                                        .asText())
                                .isEqualTo("DOWN");
                    });
            JsonNode progress = http.get("/api/v1/admin/replays/all").json();
            assertThat(progress.get("state").asText()).isEqualTo("FAILED");
            assertThat(progress.get("done").asLong())
                    .isLessThan(progress.get("total").asLong());
            assertThat(http.get("/api/v1/actors/before/record").status()).isEqualTo(200);
            assertThat(http.get("/api/v1/actors/after/record").status())
                    .as("the event after the broken one is not applied past it")
                    .isEqualTo(404);
        }
    }
}

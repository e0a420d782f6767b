package org.negotiationledger.api.storage;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.negotiationledger.api.Http;
import org.negotiationledger.api.LedgerInstance;
import org.negotiationledger.api.SmallWorld;
import org.negotiationledger.api.TestDatabase;
import org.springframework.jdbc.core.JdbcTemplate;

/** What the event store must do on every database the ledger supports. */
abstract class EventStoreContract {

    /** A fresh database of the kind under test, for each test. */
    abstract TestDatabase database();

    private static void history(Http http) {
        SmallWorld.partiesAndNegotiation(http);
        assertThat(http.post("/api/v1/truces", """
                {"id": "moscow", "negotiationId": "nk", "kind": "HUMANITARIAN_CEASEFIRE", "title": "Moscow",
                 "parties": ["armenia", "azerbaijan"], "agreedAt": "2020-10-10T03:00+03:00[Europe/Moscow]",
                 "agreedAtPrecision": "HOUR", "effectiveFrom": "2020-10-10T12:00+04:00"}""").status()).isEqualTo(201);
        assertThat(http.post("/api/v1/commitments/moscow/violations", """
                {"id": "v1", "reportedBy": "armenia", "accused": "azerbaijan", "occurredAt": "2020-10-10T12:05+04:00"}""").status())
                .isEqualTo(201);
    }

    @Test
    void eventsSurviveClosingAndReopeningTheStoreAndTheGlobalIndexHasNoGap() {
        TestDatabase database = database();
        JsonNode before;
        try (LedgerInstance ledger = database.start()) {
            history(ledger.http());
            before = ledger.http().get("/api/v1/audit/events").json();
        }
        assertThat(before).hasSize(6);
        try (LedgerInstance reopened = database.start()) {
            Http http = reopened.http();
            assertThat(http.get("/api/v1/audit/events").json()).isEqualTo(before);
            // The reopened store still knows the records: a rule that reads the stream still applies.
            assertThat(http.post("/api/v1/commitments/moscow/violations", """
                    {"id": "v1", "reportedBy": "armenia", "accused": "azerbaijan", "occurredAt": "2020-10-10T12:06+04:00"}""").status())
                    .isEqualTo(409);
            assertThat(http.post("/api/v1/actors", """
                    {"id": "france", "name": "France", "kind": "STATE"}""").status()).isEqualTo(201);
            JsonNode after = http.get("/api/v1/audit/events").json();
            List<Long> indexes = new ArrayList<>();
            after.forEach(e -> indexes.add(e.get("globalIndex").asLong()));
            assertThat(indexes).containsExactly(1L, 2L, 3L, 4L, 5L, 6L, 7L);
        }
    }

    @Test
    void concurrentWritersToOneRecordGetContiguousVersionsOrAConflict() throws Exception {
        try (LedgerInstance ledger = database().start()) {
            Http http = ledger.http();
            history(http);
            ExecutorService pool = Executors.newFixedThreadPool(8);
            List<Future<Integer>> statuses = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                int n = i;
                statuses.add(pool.submit(() -> http.post("/api/v1/commitments/moscow/violations", """
                        {"id": "c%d", "reportedBy": "armenia", "accused": "azerbaijan", "occurredAt": "2020-10-10T13:00+04:00"}""".formatted(n))
                        .status()));
            }
            pool.shutdown();
            int accepted = 0;
            for (Future<Integer> status : statuses) {
                assertThat(status.get()).isIn(201, 409);
                accepted += status.get() == 201 ? 1 : 0;
            }
            JdbcTemplate jdbc = ledger.bean(JdbcTemplate.class);
            List<Long> sequence = jdbc.queryForList(
                    "SELECT sequenceNumber FROM DomainEventEntry "
                            + "WHERE aggregateIdentifier = 'commitment:moscow' ORDER BY sequenceNumber",
                    Long.class);
            assertThat(sequence).hasSize(2 + accepted);
            for (int i = 0; i < sequence.size(); i++) {
                assertThat(sequence.get(i)).isEqualTo(i);
            }
        }
    }

    @Test
    void theSchemaIsManagedByFlyway() {
        try (LedgerInstance ledger = database().start()) {
            JdbcTemplate jdbc = ledger.bean(JdbcTemplate.class);
            assertThat(jdbc.queryForList(
                            "SELECT \"version\" FROM \"flyway_schema_history\" WHERE \"success\" = TRUE", String.class))
                    .contains("1");
        }
    }
}

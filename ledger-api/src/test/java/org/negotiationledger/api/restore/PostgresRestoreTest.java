package org.negotiationledger.api.restore;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.negotiationledger.api.ApiTest;
import org.negotiationledger.api.Http;
import org.negotiationledger.api.LedgerInstance;
import org.negotiationledger.api.OnPostgres;
import org.negotiationledger.api.PostgresSchemas;
import org.negotiationledger.api.TestUsers;
import org.negotiationledger.api.view.ViewsCaughtUp;

/**
 * A ledger moved from H2 to PostgreSQL: the legacy history, exported from the embedded H2, restored by the jar
 * into a new PostgreSQL schema, verifies there with its head, answers as it did, and appends after it.
 */
@ExtendWith(OnPostgres.class)
class PostgresRestoreTest {

    @Test
    void anExportOfTheEmbeddedLedgerRestoresOntoPostgresql() throws Exception {
        Path history = ApiTest.temporaryDirectory("ledger-restore-pg").resolve("history.ndjson");
        try (InputStream legacy = PostgresRestoreTest.class.getResourceAsStream("/legacy/history.ndjson")) {
            Files.copy(legacy, history);
        }
        Map<String, String> database = new LinkedHashMap<>(PostgresSchemas.newSchema());
        database.putAll(TestUsers.all());
        List<String> args =
                new ArrayList<>(List.of("restore", history.toString(), "--spring.profiles.active=postgres"));
        database.forEach((key, value) -> args.add("--" + key + "=" + value));

        LegacyHistoryTest.Run restored = LegacyHistoryTest.run(args.toArray(String[]::new));
        assertThat(restored.exit()).as(restored.err()).isZero();
        assertThat(new ObjectMapper().readTree(restored.out()).get("head").asText())
                .isEqualTo(LegacyHistoryTest.HEAD);
        LegacyHistoryTest.Run again = LegacyHistoryTest.run(args.toArray(String[]::new));
        assertThat(again.exit()).isEqualTo(5);

        try (LedgerInstance ledger = LedgerInstance.start(database, "postgres")) {
            Http http = ledger.http();
            ViewsCaughtUp.await(http);
            ViewsOfThen.answerAsThen(http);
            Http.Response report = http.post("/api/v1/commitments/trilateral-2020-11-10/violations", """
                    {"reportedBy": "armenia", "accused": "azerbaijan", "occurredAt": "2020-11-12T10:00+04:00"}""");
            assertThat(report.status()).as(report.toString()).isEqualTo(201);
            JsonNode verified = http.get("/api/v1/audit/verify").json();
            assertThat(verified.get("verified").asBoolean()).isTrue();
            // The next event takes the index after the restored ones: the identity was moved past them.
            assertThat(verified.get("headIndex").asLong()).isEqualTo(38);
        }
    }
}

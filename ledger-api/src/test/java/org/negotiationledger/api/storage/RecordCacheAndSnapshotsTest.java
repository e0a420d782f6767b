package org.negotiationledger.api.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.negotiationledger.api.ApiTest;
import org.negotiationledger.api.Http;
import org.negotiationledger.api.LedgerInstance;
import org.negotiationledger.api.PostgresSchemas;
import org.negotiationledger.api.SmallWorld;
import org.negotiationledger.api.TestDatabase;
import org.negotiationledger.core.commitment.Commitment;
import org.negotiationledger.seal.Seal;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A command on a record with a long history reads its snapshot and the events after it, or the record kept
 * loaded since the last command; neither may ever decide differently from the record's events.
 */
class RecordCacheAndSnapshotsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @AfterAll
    static void dropSchemas() throws SQLException {
        if (PostgresSchemas.unavailable() == null) {
            PostgresSchemas.dropAll();
        }
    }

    @Test
    void aRecordLoadedFromItsSealedSnapshotDecidesAsItsEventsWould() {
        try (LedgerInstance ledger = snapshotsOnly("ledger-snapshots")) {
            Http http = ledger.http();
            reports(http, "truce", 25);

            List<Map<String, Object>> snapshots = await().atMost(Duration.ofSeconds(30))
                    .until(
                            () -> snapshots(ledger, "truce"),
                            taken -> taken.size() == 1 && (Long) taken.get(0).get("sequenceNumber") >= 10);
            JsonNode metadata = read((byte[]) snapshots.get(0).get("metaData"));
            assertThat(metadata.has("snapshotOf")).isTrue();
            assertThat(metadata.has("digest")).isTrue();

            // A report the snapshot holds, one after it, and a retraction that must not be made twice.
            assertThat(retract(http, "truce", "r3").status()).isEqualTo(201);
            assertThat(retract(http, "truce", "r24").status()).isEqualTo(201);
            assertThat(retract(http, "truce", "r3").status()).isEqualTo(422);
            assertThat(report(http, "truce", "r5").status()).isEqualTo(409);
            Http.Response next = report(http, "truce", "r25");
            assertThat(next.status()).isEqualTo(201);
            assertThat(next.json().get("version").asLong()).isEqualTo(28);
            assertThat(http.get("/api/v1/audit/verify").json().get("verified").asBoolean())
                    .isTrue();
        }
    }

    @Test
    void anEditedSnapshotIsNotUsedAndTheRecordIsLoadedFromItsEvents() throws IOException {
        try (LedgerInstance ledger = snapshotsOnly("ledger-edited-snapshot")) {
            Http http = ledger.http();
            Map<String, Object> snapshot = truceWithASnapshot(ledger);
            ObjectNode state = (ObjectNode) read((byte[]) snapshot.get("payload"));
            assertThat(state.get("reports").has("r3")).isTrue();
            ((ObjectNode) state.get("reports")).remove("r3");
            ledger.bean(JdbcTemplate.class)
                    .update(
                            "UPDATE SnapshotEventEntry SET payload = ? WHERE aggregateIdentifier = 'commitment:truce'",
                            JSON.writeValueAsBytes(state));

            // The edited state does not know r3: used, it would refuse the retraction as a report it never had.
            Http.Response retracted = retract(http, "truce", "r3");
            assertThat(retracted.status()).as(retracted.text()).isEqualTo(201);
            assertThat(retract(http, "truce", "r3").status()).isEqualTo(422);
        }
    }

    @Test
    void aSnapshotForgedWithARecomputedSealIsFoundByTheAuditorsVerification() throws IOException {
        try (LedgerInstance ledger = snapshotsOnly("ledger-forged-snapshot")) {
            Http http = ledger.http();
            Map<String, Object> snapshot = truceWithASnapshot(ledger);
            assertThat(http.get("/api/v1/audit/verify").json().get("verified").asBoolean())
                    .isTrue();

            // Whoever can write the database can seal an edited state anew: the seal holds, the events do not.
            ObjectNode state = (ObjectNode) read((byte[]) snapshot.get("payload"));
            ((ObjectNode) state.get("reports")).remove("r3");
            byte[] forged = JSON.writeValueAsBytes(state);
            ObjectNode metadata = (ObjectNode) read((byte[]) snapshot.get("metaData"));
            long sequence = (Long) snapshot.get("sequenceNumber");
            byte[] resealed = Seal.snapshotDigest(
                    Seal.unhex(metadata.get(Seal.SNAPSHOT_OF).asText()),
                    "commitment:truce",
                    sequence,
                    Commitment.class.getName(),
                    "1",
                    forged);
            metadata.put(Seal.KEY, Seal.hex(resealed));
            ledger.bean(JdbcTemplate.class)
                    .update(
                            "UPDATE SnapshotEventEntry SET payload = ?, metaData = ? "
                                    + "WHERE aggregateIdentifier = 'commitment:truce'",
                            forged,
                            JSON.writeValueAsBytes(metadata));

            JsonNode report = http.get("/api/v1/audit/verify").json();
            assertThat(report.get("verified").asBoolean()).isFalse();
            assertThat(report.get("aggregateId").asText()).isEqualTo("truce");
            assertThat(report.get("aggregateType").asText()).isEqualTo("commitment");
            assertThat(report.get("sequence").asLong()).isEqualTo(sequence);
            assertThat(report.get("reason").asText()).contains("snapshot");
        }
    }

    @Test
    void aRecordKeptLoadedOnOneServerIsNotUsedAfterAnotherServerWroteToIt() {
        TestDatabase database = TestDatabase.shared("ledger-record-cache");
        try (LedgerInstance one = database.start();
                LedgerInstance two = database.start()) {
            SmallWorld.partiesAndNegotiation(one.http());
            SmallWorld.truce(one.http(), "truce");
            assertThat(report(one.http(), "truce", "a").status()).isEqualTo(201);
            assertThat(report(two.http(), "truce", "b").status()).isEqualTo(201);

            // Server one last loaded the truce before b: deciding on that copy, it would not know b.
            Http.Response retracted = retract(one.http(), "truce", "b");
            assertThat(retracted.status()).as(retracted.text()).isEqualTo(201);
            assertThat(retracted.json().get("version").asLong()).isEqualTo(3);
            assertThat(retract(two.http(), "truce", "b").status()).isEqualTo(422);
            assertThat(retract(two.http(), "truce", "a").json().get("version").asLong())
                    .isEqualTo(4);
            assertThat(report(one.http(), "truce", "c").json().get("version").asLong())
                    .isEqualTo(5);
        }
    }

    /** Snapshots after every 10 events, and no record kept loaded: every command reads the store. */
    private static LedgerInstance snapshotsOnly(String name) {
        return LedgerInstance.start(Map.of(
                "ledger.data-dir",
                ApiTest.temporaryDirectory(name).toString(),
                "ledger.records.snapshot-every",
                "10",
                "ledger.records.cache-size",
                "0"));
    }

    /** A truce with 15 reports, and the snapshot taken of it after ten events. */
    private static Map<String, Object> truceWithASnapshot(LedgerInstance ledger) {
        reports(ledger.http(), "truce", 15);
        return await().atMost(Duration.ofSeconds(30))
                .until(() -> snapshots(ledger, "truce"), taken -> taken.size() == 1)
                .get(0);
    }

    private static void reports(Http http, String truce, int count) {
        SmallWorld.partiesAndNegotiation(http);
        SmallWorld.truce(http, truce);
        for (int i = 0; i < count; i++) {
            assertThat(report(http, truce, "r" + i).status()).isEqualTo(201);
        }
    }

    private static Http.Response report(Http http, String truce, String id) {
        return http.post("/api/v1/commitments/" + truce + "/violations", """
                {"id": "%s", "reportedBy": "armenia", "accused": "azerbaijan",
                 "occurredAt": "2020-10-10T12:05+04:00"}""".formatted(id));
    }

    private static Http.Response retract(Http http, String truce, String report) {
        return http.post("/api/v1/commitments/" + truce + "/violations/" + report + "/retraction", """
                {"retractedBy": "armenia", "reason": "misattributed"}""");
    }

    private static List<Map<String, Object>> snapshots(LedgerInstance ledger, String record) {
        return ledger.bean(JdbcTemplate.class)
                .queryForList(
                        "SELECT sequenceNumber, metaData, payload FROM SnapshotEventEntry WHERE aggregateIdentifier = ?",
                        "commitment:" + record);
    }

    private static JsonNode read(byte[] json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}

package org.negotiationledger.api.audit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.negotiationledger.api.Http;
import org.negotiationledger.api.LedgerInstance;
import org.negotiationledger.api.SmallWorld;
import org.negotiationledger.api.TestDatabase;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Alterations made behind the ledger's back, straight in the database, are detected and located by
 * {@code GET /api/v1/audit/verify}; an untouched history verifies. Run on each database.
 */
abstract class TamperContract {

    private static final String TRUCE = "commitment:moscow";

    /** A fresh database of the kind under test, for each test. */
    abstract TestDatabase database();

    /** A small history: two parties, a mediator, a negotiation, a truce and three reports against it. */
    private static void record(Http http) {
        SmallWorld.partiesAndNegotiation(http);
        SmallWorld.truce(http, "moscow");
        for (int i = 1; i <= 3; i++) {
            assertThat(http.post("/api/v1/commitments/moscow/violations", """
                    {"id": "v%d", "reportedBy": "armenia", "accused": "azerbaijan", "occurredAt": "2020-10-10T12:0%d+04:00",
                     "description": "report %d"}""".formatted(i, i + 4, i))
                            .status())
                    .isEqualTo(201);
        }
    }

    private JsonNode tamperAndVerify(java.util.function.Consumer<JdbcTemplate> tamper) {
        try (LedgerInstance ledger = database().start()) {
            Http http = ledger.http();
            record(http);
            assertThat(http.get("/api/v1/audit/verify").json().get("verified").asBoolean())
                    .isTrue();
            tamper.accept(ledger.bean(JdbcTemplate.class));
            JsonNode report = http.get("/api/v1/audit/verify").json();
            assertThat(report.get("verified").asBoolean()).as(report.toString()).isFalse();
            return report;
        }
    }

    @Test
    void anUntouchedHistoryVerifiesWithAHead() {
        try (LedgerInstance ledger = database().start()) {
            Http http = ledger.http();
            record(http);
            JsonNode report = http.get("/api/v1/audit/verify").json();
            assertThat(report.get("verified").asBoolean()).as(report.toString()).isTrue();
            assertThat(report.get("events").asLong()).isEqualTo(8);
            assertThat(report.get("head").asText()).matches("[0-9a-f]{64}");
            assertThat(report.get("unsealed").asLong()).isZero();
        }
    }

    @Test
    void anAlteredPayloadFieldIsLocated() {
        JsonNode report = tamperAndVerify(jdbc -> replaceIn(jdbc, "payload", 2, "report 2", "report X"));
        located(report, "moscow", "commitment", 2);
    }

    @Test
    void anAlteredRecordTimeIsLocated() {
        JsonNode report = tamperAndVerify(jdbc -> jdbc.update(
                "UPDATE DomainEventEntry SET timeStamp = ? " + "WHERE aggregateIdentifier = ? AND sequenceNumber = 1",
                "2020-01-01T00:00:00.000Z",
                TRUCE));
        located(report, "moscow", "commitment", 1);
    }

    @Test
    void anAlteredPrincipalIsLocated() {
        JsonNode report = tamperAndVerify(jdbc -> replaceIn(jdbc, "metaData", 3, "\"tester\"", "\"someone\""));
        located(report, "moscow", "commitment", 3);
    }

    @Test
    void aDeletedEventIsLocated() {
        JsonNode report = tamperAndVerify(jdbc -> jdbc.update(
                "DELETE FROM DomainEventEntry WHERE aggregateIdentifier = ? AND sequenceNumber = 2", TRUCE));
        located(report, "moscow", "commitment", 2);
        assertThat(report.get("reason").asText()).contains("missing");
    }

    @Test
    void twoSwappedEventsAreLocated() {
        JsonNode report = tamperAndVerify(jdbc -> {
            byte[] first = payload(jdbc, 1);
            byte[] second = payload(jdbc, 2);
            setPayload(jdbc, 1, second);
            setPayload(jdbc, 2, first);
        });
        located(report, "moscow", "commitment", 1);
    }

    @Test
    void anInsertedEventIsLocated() {
        JsonNode report = tamperAndVerify(jdbc -> jdbc.update(
                "INSERT INTO DomainEventEntry (eventIdentifier, "
                        + "aggregateIdentifier, sequenceNumber, type, timeStamp, payloadType, payloadRevision, payload, metaData) "
                        + "SELECT 'forged-event', aggregateIdentifier, 4, type, timeStamp, payloadType, payloadRevision, payload, "
                        + "metaData FROM DomainEventEntry WHERE aggregateIdentifier = ? AND sequenceNumber = 3",
                TRUCE));
        located(report, "moscow", "commitment", 4);
    }

    @Test
    void aStrippedDigestIsLocated() {
        JsonNode report = tamperAndVerify(jdbc -> stripSeal(jdbc, TRUCE, 2));
        located(report, "moscow", "commitment", 2);
        assertThat(report.get("reason").asText()).contains("no digest");
    }

    @Test
    void theFirstEventsStrippedOfTheirDigestsAndEditedAreLocated() {
        JsonNode report = tamperAndVerify(jdbc -> {
            for (String actor : new String[] {"actor:armenia", "actor:azerbaijan"}) {
                stripSeal(jdbc, actor, 0);
            }
            replaceIn(jdbc, "actor:armenia", "payload", 0, "Republic of armenia", "Republic of Atlantis");
        });
        located(report, "armenia", "actor", 0);
    }

    @Test
    void everyEventStrippedOfItsDigestIsCaught() {
        JsonNode report = tamperAndVerify(jdbc -> {
            for (Map<String, Object> row :
                    jdbc.queryForList("SELECT aggregateIdentifier, sequenceNumber FROM DomainEventEntry")) {
                stripSeal(
                        jdbc,
                        (String) row.get("aggregateIdentifier"),
                        ((Number) row.get("sequenceNumber")).longValue());
            }
            replaceIn(jdbc, TRUCE, "payload", 2, "report 2", "report X");
        });
        assertThat(report.get("reason").asText()).as(report.toString()).contains("seal");
        assertThat(report.get("globalIndex").asLong()).isPositive();
    }

    @Test
    void aSealingStartMovedForwardWithTheSealsItCoveredStrippedIsCaught() {
        JsonNode report = tamperAndVerify(jdbc -> {
            long last = jdbc.queryForObject("SELECT MAX(globalIndex) FROM DomainEventEntry", Long.class);
            jdbc.update("UPDATE ledger_seal SET sealed_after_index = ? WHERE id = 1", last - 1);
            for (Map<String, Object> row : jdbc.queryForList(
                    "SELECT aggregateIdentifier, sequenceNumber FROM DomainEventEntry WHERE globalIndex < ?", last)) {
                stripSeal(
                        jdbc,
                        (String) row.get("aggregateIdentifier"),
                        ((Number) row.get("sequenceNumber")).longValue());
            }
            replaceIn(jdbc, TRUCE, "payload", 2, "report 2", "report X");
        });
        assertThat(report.get("reason").asText()).as(report.toString()).containsAnyOf("sealing began", "no digest");
    }

    @Test
    void aSealingStartMovedAloneIsCaught() {
        JsonNode report =
                tamperAndVerify(jdbc -> jdbc.update("UPDATE ledger_seal SET sealed_after_index = 5 WHERE id = 1"));
        assertThat(report.get("reason").asText()).as(report.toString()).contains("sealing began");
    }

    @Test
    void aRemovedLastEventIsCaughtByAHeadNotedEarlier() {
        try (LedgerInstance ledger = database().start()) {
            Http http = ledger.http();
            record(http);
            JsonNode noted = http.get("/api/v1/audit/verify").json();
            String notedAt = "?notedIndex=" + noted.get("headIndex").asLong() + "&notedHead="
                    + noted.get("head").asText();
            assertThat(http.post("/api/v1/actors", """
                    {"id": "france", "name": "France", "kind": "STATE"}""").status()).isEqualTo(201);
            JsonNode grown = http.get("/api/v1/audit/verify" + notedAt).json();
            assertThat(grown.get("verified").asBoolean()).as(grown.toString()).isTrue();
            assertThat(grown.get("noted").get("matches").asBoolean()).isTrue();

            // The last report removed: each record's chain still holds, but the history is not the one noted.
            ledger.bean(JdbcTemplate.class)
                    .update("DELETE FROM DomainEventEntry WHERE aggregateIdentifier = ? AND sequenceNumber = 3", TRUCE);
            JsonNode shrunk = http.get("/api/v1/audit/verify" + notedAt).json();
            assertThat(shrunk.get("verified").asBoolean()).as(shrunk.toString()).isFalse();
            assertThat(shrunk.get("noted").get("matches").asBoolean()).isFalse();
        }
    }

    private static void located(JsonNode report, String aggregateId, String aggregateType, long sequence) {
        assertThat(report.get("aggregateId").asText()).as(report.toString()).isEqualTo(aggregateId);
        assertThat(report.get("aggregateType").asText()).isEqualTo(aggregateType);
        assertThat(report.get("sequence").asLong()).isEqualTo(sequence);
    }

    private static void replaceIn(JdbcTemplate jdbc, String column, long sequence, String from, String to) {
        replaceIn(jdbc, TRUCE, column, sequence, from, to);
    }

    private static void replaceIn(
            JdbcTemplate jdbc, String stream, String column, long sequence, String from, String to) {
        byte[] bytes = jdbc.queryForObject(
                "SELECT " + column + " FROM DomainEventEntry WHERE aggregateIdentifier = ? " + "AND sequenceNumber = ?",
                byte[].class,
                stream,
                sequence);
        String text = new String(bytes, StandardCharsets.UTF_8);
        assertThat(text).contains(from);
        jdbc.update(
                "UPDATE DomainEventEntry SET " + column + " = ? WHERE aggregateIdentifier = ? AND sequenceNumber = ?",
                text.replace(from, to).getBytes(StandardCharsets.UTF_8),
                stream,
                sequence);
    }

    /** Removes an event's digest and the sealing start it states, as someone switching seals off would. */
    private static void stripSeal(JdbcTemplate jdbc, String stream, long sequence) {
        byte[] bytes = jdbc.queryForObject(
                "SELECT metaData FROM DomainEventEntry WHERE aggregateIdentifier = ? " + "AND sequenceNumber = ?",
                byte[].class,
                stream,
                sequence);
        String stripped = new String(bytes, StandardCharsets.UTF_8)
                .replaceAll(",?\"(digest|sealedAfter)\":(\"[0-9a-f]*\"|\\d+)", "")
                .replace("{,", "{");
        jdbc.update(
                "UPDATE DomainEventEntry SET metaData = ? WHERE aggregateIdentifier = ? AND sequenceNumber = ?",
                stripped.getBytes(StandardCharsets.UTF_8),
                stream,
                sequence);
    }

    private static byte[] payload(JdbcTemplate jdbc, long sequence) {
        return jdbc.queryForObject(
                "SELECT payload FROM DomainEventEntry WHERE aggregateIdentifier = ? AND sequenceNumber = ?",
                byte[].class,
                TRUCE,
                sequence);
    }

    private static void setPayload(JdbcTemplate jdbc, long sequence, byte[] payload) {
        jdbc.update(
                "UPDATE DomainEventEntry SET payload = ? WHERE aggregateIdentifier = ? AND sequenceNumber = ?",
                payload,
                TRUCE,
                sequence);
    }
}

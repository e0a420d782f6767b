package org.negotiationledger.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code java -jar ledger-api.jar verify history.ndjson}: an export verified without the server, agreeing with
 * the server on the demo history, and catching an edited export.
 */
class OfflineVerifyTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static LedgerInstance ledger;
    private static Http http;

    @BeforeAll
    static void demoLedger() {
        ledger = LedgerInstance.withDemoHistory("ledger-offline");
        http = ledger.http();
        await().atMost(Duration.ofMinutes(1))
                .until(() ->
                        http.get("/api/v1/audit/verify").json().get("events").asLong() == 24);
    }

    @AfterAll
    static void stop() {
        ledger.close();
    }

    @Test
    void theOfflineVerifierAgreesWithTheServerOnTheDemoHistory() throws Exception {
        JsonNode server = http.get("/api/v1/audit/verify").json();
        assertThat(server.get("verified").asBoolean()).as(server.toString()).isTrue();

        Outcome offline = verify(export());

        assertThat(offline.status()).as(offline.output()).isZero();
        JsonNode report = JSON.readTree(offline.output());
        assertThat(report.get("verified").asBoolean()).isTrue();
        assertThat(report.get("events").asLong()).isEqualTo(24);
        assertThat(report.get("head").asText()).isEqualTo(server.get("head").asText());
        // The head noted from the server checks out against the file too.
        Outcome noted = verify(
                export(),
                "--noted",
                server.get("headIndex").asText() + ":" + server.get("head").asText());
        assertThat(noted.status()).as(noted.output()).isZero();
    }

    @Test
    void anEditedExportIsCaughtAndLocated() throws Exception {
        List<String> lines = Files.readAllLines(export(), StandardCharsets.UTF_8);
        int edited = -1;
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains("\"type\":\"ViolationReported\"")
                    && lines.get(i).contains("\"armenia\"")) {
                lines.set(i, lines.get(i).replaceFirst("\"reportedBy\":\"armenia\"", "\"reportedBy\":\"azerbaijan\""));
                edited = i;
                break;
            }
        }
        assertThat(edited).isNotNegative();
        Path file = ApiTest.temporaryDirectory("ledger-edited").resolve("history.ndjson");
        Files.write(file, lines, StandardCharsets.UTF_8);
        JsonNode original = JSON.readTree(lines.get(edited));

        Outcome offline = verify(file);

        assertThat(offline.status()).as(offline.output()).isEqualTo(1);
        JsonNode report = JSON.readTree(offline.output());
        assertThat(report.get("verified").asBoolean()).isFalse();
        assertThat(report.get("aggregateId").asText())
                .isEqualTo(original.get("aggregateId").asText());
        assertThat(report.get("sequence").asLong())
                .isEqualTo(original.get("sequence").asLong());
    }

    @Test
    void eachEditOfAnExportedFieldIsCaughtAndLocated() throws Exception {
        List<String> lines = Files.readAllLines(export(), StandardCharsets.UTF_8);
        int at = lines.size() / 2;
        ObjectNode line = (ObjectNode) JSON.readTree(lines.get(at));
        Map<String, java.util.function.Consumer<ObjectNode>> edits = new java.util.LinkedHashMap<>();
        edits.put("principal", e -> e.put("principal", "someone-else"));
        edits.put("principal removed", e -> e.remove("principal"));
        edits.put("type", e -> e.put("type", "ViolationRetracted"));
        edits.put("aggregateId", e -> e.put("aggregateId", e.get("aggregateId").asText() + "-x"));
        edits.put("aggregateType", e -> e.put("aggregateType", "actor"));
        edits.put("sequence", e -> e.put("sequence", e.get("sequence").asLong() + 1));
        edits.put("recordedAt", e -> e.put("recordedAt", "2020-01-01T00:00:00Z"));
        edits.put("eventId", e -> e.put("eventId", "forged"));
        edits.put("payloadType", e -> e.put("payloadType", "org.negotiationledger.core.actor.ActorRegistered"));
        edits.put("payloadRevision", e -> e.put("payloadRevision", "2"));
        edits.put("payload", e -> ((ObjectNode) e.get("payload")).put("extra", 1));
        edits.put("metadata", e -> ((ObjectNode) e.get("metadata")).put("principal", "someone-else"));
        edits.put("globalIndex moved back", e -> e.put("globalIndex", 1));
        edits.put("a field of its own", e -> e.put("verifiedBy", "the ledger"));
        for (Map.Entry<String, java.util.function.Consumer<ObjectNode>> edit : edits.entrySet()) {
            ObjectNode spoiled = line.deepCopy();
            edit.getValue().accept(spoiled);
            List<String> changed = new java.util.ArrayList<>(lines);
            changed.set(at, JSON.writeValueAsString(spoiled));
            JsonNode report = refused(changed, edit.getKey());
            assertThat(report.get("globalIndex").asLong())
                    .as(edit.getKey() + ": " + report)
                    .isEqualTo(
                            edit.getKey().startsWith("globalIndex")
                                    ? 1
                                    : line.get("globalIndex").asLong());
        }
    }

    @Test
    void sealsStrippedFromAnExportAreCaught() throws Exception {
        List<String> lines = Files.readAllLines(export(), StandardCharsets.UTF_8);
        // Every seal removed, and the first event edited.
        List<String> all = new java.util.ArrayList<>();
        for (String line : lines) {
            all.add(stripped(line));
        }
        all.set(0, all.get(0).replace("Republic of Armenia", "Republic of Atlantis"));
        assertThat(refused(all, "every seal stripped").get("reason").asText()).contains("seal");
        // The first three stripped, and one of them edited.
        List<String> first = new java.util.ArrayList<>(lines);
        for (int i = 0; i < 3; i++) {
            first.set(i, stripped(first.get(i)));
        }
        first.set(1, first.get(1).replace("Azerbaijan", "Atlantis"));
        JsonNode report = refused(first, "the first seals stripped");
        assertThat(report.get("globalIndex").asLong())
                .isEqualTo(JSON.readTree(lines.get(0)).get("globalIndex").asLong());
        assertThat(report.get("reason").asText()).contains("no digest");
    }

    /** A line without its digest or the sealing start it states, as someone switching seals off would leave it. */
    private static String stripped(String line) throws Exception {
        ObjectNode event = (ObjectNode) JSON.readTree(line);
        ((ObjectNode) event.get("metadata")).remove(List.of("digest", "sealedAfter"));
        return JSON.writeValueAsString(event);
    }

    private static JsonNode refused(List<String> lines, String what) throws Exception {
        Path file = ApiTest.temporaryDirectory("ledger-edited").resolve("history.ndjson");
        Files.write(file, lines, StandardCharsets.UTF_8);
        Outcome offline = verify(file);
        assertThat(offline.status()).as(what + ": " + offline.output()).isEqualTo(1);
        JsonNode report = JSON.readTree(offline.output());
        assertThat(report.get("verified").asBoolean()).as(what).isFalse();
        return report;
    }

    private static Path export() throws Exception {
        Http.Response response = http.get("/api/v1/audit/events", "Accept", "application/x-ndjson");
        assertThat(response.status()).isEqualTo(200);
        Path file = ApiTest.temporaryDirectory("ledger-export").resolve("history.ndjson");
        Files.writeString(file, response.text(), StandardCharsets.UTF_8);
        return file;
    }

    private record Outcome(int status, String output) {}

    private static Outcome verify(Path file, String... more) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        String[] args = new String[2 + more.length];
        args[0] = "verify";
        args[1] = file.toString();
        System.arraycopy(more, 0, args, 2, more.length);
        int status = LedgerCommandLine.create(
                        InputStream.nullInputStream(),
                        new PrintWriter(out, true, StandardCharsets.UTF_8),
                        new PrintWriter(System.err, true))
                .execute(args);
        return new Outcome(status, out.toString(StandardCharsets.UTF_8));
    }
}

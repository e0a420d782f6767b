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
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code java -jar ledger-api.jar verify history.ndjson}: an export verified without the server, agreeing with
 * the server on the demo history, checked against a head noted earlier, and catching an edited export. The
 * server that wrote the export is stopped before anything is verified, and the verifier that answers for the
 * README's promise ("no server, no database") runs as a process of its own in an empty directory.
 */
class OfflineVerifyTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** The demo history and one event more, as the audit export gave it. */
    private static Path exported;
    /** What the server's own verification said of the history the export holds. */
    private static JsonNode server;
    /** The head the server reported after the demo history, before the last event: as an auditor noted it. */
    private static JsonNode noted;

    @BeforeAll
    static void exportAndStopTheServer() throws Exception {
        try (LedgerInstance ledger = LedgerInstance.withDemoHistory("ledger-offline")) {
            Http http = ledger.http();
            await().atMost(Duration.ofMinutes(1))
                    .until(() -> http.get("/api/v1/audit/verify")
                                    .json()
                                    .get("events")
                                    .asLong()
                            == 24);
            noted = http.get("/api/v1/audit/verify").json();
            assertThat(http.post("/api/v1/actors", """
                            {"id": "noted-after", "name": "Recorded after the head was noted", "kind": "OTHER"}""").status()).isEqualTo(201);
            server = http.get("/api/v1/audit/verify").json();
            assertThat(server.get("verified").asBoolean()).as(server.toString()).isTrue();
            assertThat(server.get("events").asLong()).isEqualTo(25);
            Http.Response response = http.get("/api/v1/audit/events", "Accept", "application/x-ndjson");
            assertThat(response.status()).isEqualTo(200);
            exported = ApiTest.temporaryDirectory("ledger-export").resolve("history.ndjson");
            Files.writeString(exported, response.text(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void theOfflineVerifierAgreesWithTheServerWithNoServerAndNoDatabase() throws Exception {
        Path alone = ApiTest.temporaryDirectory("ledger-verify-alone");
        Outcome offline = verifyInAProcessOfItsOwn(alone, exported);

        assertThat(offline.status()).as(offline.output()).isZero();
        JsonNode report = JSON.readTree(offline.output());
        assertThat(report.get("verified").asBoolean()).isTrue();
        assertThat(report.get("events").asLong()).isEqualTo(25);
        assertThat(report.get("head").asText()).isEqualTo(server.get("head").asText());
        try (var left = Files.list(alone)) {
            assertThat(left.map(path -> path.getFileName().toString()))
                    .as("what the verifier left in its directory (a database would be there)")
                    .isEmpty();
        }
    }

    @Test
    void theHistoryStillGivesTheHeadNotedBeforeItGrew() throws Exception {
        Outcome checked = verifyInAProcessOfItsOwn(
                ApiTest.temporaryDirectory("ledger-verify-noted"),
                exported,
                "--noted",
                noted.get("headIndex").asText() + ":" + noted.get("head").asText());
        assertThat(checked.status()).as(checked.output()).isZero();
        assertThat(noted.get("headIndex").asLong())
                .as("the noted head is an earlier one than the export's")
                .isLessThan(server.get("headIndex").asLong());
    }

    @Test
    void aHeadNotedOfAnotherHistoryIsNotVerified() throws Exception {
        // The right index with the head of a history that differs (the later head, taken for the earlier one)
        Outcome other = verify(
                exported,
                "--noted",
                noted.get("headIndex").asText() + ":" + server.get("head").asText());
        assertThat(other.status()).as(other.output()).isEqualTo(1);
        assertThat(JSON.readTree(other.output()).get("verified").asBoolean()).isFalse();
        // A noted head one digit off
        String head = noted.get("head").asText();
        String off = head.substring(0, 63) + (head.charAt(63) == '0' ? '1' : '0');
        Outcome flipped = verify(exported, "--noted", noted.get("headIndex").asText() + ":" + off);
        assertThat(flipped.status()).as(flipped.output()).isEqualTo(1);
        // A history whose newest events are gone, against the head noted when they were there
        List<String> lines = Files.readAllLines(exported, StandardCharsets.UTF_8);
        Path shortened = ApiTest.temporaryDirectory("ledger-shortened").resolve("history.ndjson");
        Files.write(shortened, lines.subList(0, lines.size() - 1), StandardCharsets.UTF_8);
        assertThat(verify(shortened).status())
                .as("the shortened history on its own")
                .isZero();
        Outcome gone = verify(
                shortened,
                "--noted",
                server.get("headIndex").asText() + ":" + server.get("head").asText());
        assertThat(gone.status()).as(gone.output()).isEqualTo(1);
        assertThat(JSON.readTree(gone.output()).get("verified").asBoolean()).isFalse();
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
        // a revision the event does not have, whichever it has (events carry revisions since issue 28)
        edits.put(
                "payloadRevision",
                e -> e.put("payloadRevision", e.path("payloadRevision").asText("") + "9"));
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

    private static Path export() {
        return exported;
    }

    private record Outcome(int status, String output) {}

    /** {@code verify} run as the README runs it: a JVM of its own, in {@code directory}, with nothing else up. */
    private static Outcome verifyInAProcessOfItsOwn(Path directory, Path file, String... more) throws Exception {
        List<String> command = new java.util.ArrayList<>(List.of(
                ProcessHandle.current().info().command().orElse("java"),
                "-cp",
                System.getProperty("java.class.path"),
                LedgerApplication.class.getName(),
                "verify",
                file.toString()));
        command.addAll(List.of(more));
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(directory.toFile())
                .redirectError(ProcessBuilder.Redirect.DISCARD);
        builder.environment().put("AXONIQ_UPDATE_CHECKER_DISABLED", "true");
        builder.environment().put("LEDGER_DATA_DIR", directory.resolve("data").toString());
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(2, java.util.concurrent.TimeUnit.MINUTES)).isTrue();
        return new Outcome(process.exitValue(), output);
    }

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

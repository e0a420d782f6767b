package org.negotiationledger.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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
        ledger = LedgerInstance.start(Map.of("ledger.data-dir", ApiTest.temporaryDirectory("ledger-offline").toString(),
                "ledger.demo-history.enabled", "true"));
        http = ledger.http();
        await().atMost(Duration.ofMinutes(1)).until(() -> http.get("/api/v1/audit/verify").json().get("events").asLong() == 24);
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
        Outcome noted = verify(export(), "--noted", server.get("headIndex").asText() + ":" + server.get("head").asText());
        assertThat(noted.status()).as(noted.output()).isZero();
    }

    @Test
    void anEditedExportIsCaughtAndLocated() throws Exception {
        List<String> lines = Files.readAllLines(export(), StandardCharsets.UTF_8);
        int edited = -1;
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains("\"type\":\"ViolationReported\"") && lines.get(i).contains("\"armenia\"")) {
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
        assertThat(report.get("aggregateId").asText()).isEqualTo(original.get("aggregateId").asText());
        assertThat(report.get("sequence").asLong()).isEqualTo(original.get("sequence").asLong());
    }

    private static Path export() throws Exception {
        Http.Response response = http.get("/api/v1/audit/events", "Accept", "application/x-ndjson");
        assertThat(response.status()).isEqualTo(200);
        Path file = ApiTest.temporaryDirectory("ledger-export").resolve("history.ndjson");
        Files.writeString(file, response.text(), StandardCharsets.UTF_8);
        return file;
    }

    private record Outcome(int status, String output) {
    }

    private static Outcome verify(Path file, String... more) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        String[] args = new String[2 + more.length];
        args[0] = "verify";
        args[1] = file.toString();
        System.arraycopy(more, 0, args, 2, more.length);
        int status = LedgerCommandLine.create(InputStream.nullInputStream(),
                new PrintWriter(out, true, StandardCharsets.UTF_8), new PrintWriter(System.err, true)).execute(args);
        return new Outcome(status, out.toString(StandardCharsets.UTF_8));
    }
}

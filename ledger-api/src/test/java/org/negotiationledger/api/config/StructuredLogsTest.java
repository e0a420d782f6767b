package org.negotiationledger.api.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.negotiationledger.api.ApiTest;
import org.negotiationledger.api.Http;
import org.negotiationledger.api.ServerProcess;
import org.negotiationledger.api.TestUsers;

/**
 * With structured logs switched on, every line is one JSON object, and a line written while a request is
 * served names its principal and its correlation id (the client's X-Correlation-Id, echoed in the answer).
 */
class StructuredLogsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void aLineWrittenWhileACommandIsServedNamesItsPrincipalAndCorrelationId() throws Exception {
        Path data = ApiTest.temporaryDirectory("structured-logs");
        Path log = data.resolve("server.log");
        int port = ServerProcess.freePort();
        Process server = ServerProcess.start(
                port,
                Map.of(
                        "ledger.data-dir",
                        data.resolve("data").toString(),
                        "ledger.demo-history.enabled",
                        "false",
                        "logging.structured.format.console",
                        "ecs",
                        "logging.level.org.negotiationledger.api.command.LedgerCommands",
                        "DEBUG"),
                log);
        try {
            Http http = new Http(port).as(TestUsers.MEDIATOR);
            ServerProcess.awaitHealthy(http, server);
            Http.Response created = http.post("/api/v1/actors", """
                    {"id": "osce", "name": "OSCE", "kind": "INTERNATIONAL_ORGANIZATION"}""", "X-Correlation-Id", "case-4711");
            assertThat(created.status()).isEqualTo(201);
            assertThat(created.header("X-Correlation-Id")).isEqualTo("case-4711");
            assertThat(http.get("/api/v1/actors/osce").header("X-Correlation-Id"))
                    .as("one assigned when none is sent")
                    .matches("[0-9a-f-]{36}");

            await().atMost(Duration.ofSeconds(10))
                    .until(() -> lines(log).stream()
                            .anyMatch(line -> line.path("message").asText().startsWith("RegisterActor recorded")));
            List<JsonNode> lines = lines(log);
            JsonNode recorded = lines.stream()
                    .filter(line -> line.path("message").asText().startsWith("RegisterActor recorded"))
                    .findFirst()
                    .orElseThrow();
            assertThat(recorded.path("correlationId").asText()).isEqualTo("case-4711");
            assertThat(recorded.path("principal").asText()).isEqualTo(TestUsers.MEDIATOR);
            assertThat(recorded.path("log").path("level").asText()).isEqualTo("DEBUG");
            assertThat(lines).as("every line of the log is JSON").hasSizeGreaterThan(10);
        } finally {
            server.destroy();
        }
    }

    /** The log's lines, each parsed: a line that is not JSON fails the test. */
    private static List<JsonNode> lines(Path log) {
        try {
            return Files.readAllLines(log).stream()
                    .filter(line -> !line.isBlank())
                    .map(line -> {
                        try {
                            return JSON.readTree(line);
                        } catch (IOException e) {
                            throw new AssertionError("not a JSON line: " + line, e);
                        }
                    })
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

package org.negotiationledger.api.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.negotiationledger.api.ApiTest;
import org.negotiationledger.api.Http;
import org.negotiationledger.api.PostgresSchemas;
import org.negotiationledger.api.ServerProcess;

/**
 * Durable before acknowledged: a server process is killed with SIGKILL while clients post commands, and after
 * a restart every command that was answered 201 is in the history. (With H2's default write delay, thousands
 * of acknowledged commits were lost this way; see application.properties.)
 */
class DurabilityTest {

    private static final int CLIENTS = 4;
    private static final int ACKNOWLEDGED_BEFORE_KILL = 300;
    /** An import long enough to be killed in the middle of (batches of 1,000), short enough to post again. */
    private static final int LINES = 20_000;

    @Test
    void everyAcknowledgedCommandSurvivesKillMinus9() throws Exception {
        Path data = ApiTest.temporaryDirectory("ledger-kill");
        int port = ServerProcess.freePort();
        Process server = startServer(data, port);
        Queue<String> acknowledged = new ConcurrentLinkedQueue<>();
        AtomicBoolean killed = new AtomicBoolean();
        ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
        try {
            Http http = new Http(port);
            ServerProcess.awaitHealthy(http, server);
            for (int c = 0; c < CLIENTS; c++) {
                int client = c;
                clients.submit(() -> {
                    for (int n = 0; !killed.get(); n++) {
                        String id = "durable-" + client + "-" + n;
                        try {
                            if (http.post("/api/v1/actors", """
                                    {"id": "%s", "name": "Actor %s", "kind": "OTHER"}""".formatted(id, id))
                                            .status()
                                    == 201) {
                                acknowledged.add(id);
                            }
                        } catch (UncheckedIOException connectionLost) {
                            return;
                        }
                    }
                });
            }
            await().atMost(Duration.ofMinutes(2)).until(() -> acknowledged.size() >= ACKNOWLEDGED_BEFORE_KILL);
            server.destroyForcibly(); // SIGKILL: no shutdown hook, no flush
            assertThat(server.waitFor(30, TimeUnit.SECONDS)).isTrue();
        } finally {
            killed.set(true);
            clients.shutdown();
            clients.awaitTermination(30, TimeUnit.SECONDS);
            server.destroyForcibly();
        }
        List<String> answered = List.copyOf(acknowledged);

        Process restarted = startServer(data, port);
        try {
            Http http = new Http(port);
            ServerProcess.awaitHealthy(http, restarted);
            Set<String> stored = new HashSet<>();
            for (String line : http.get("/api/v1/audit/events", "Accept", "application/x-ndjson")
                    .text()
                    .split("\n")) {
                if (!line.isBlank()) {
                    stored.add(line.replaceAll(".*\"aggregateId\":\"([^\"]+)\".*", "$1"));
                }
            }
            assertThat(answered).hasSizeGreaterThanOrEqualTo(ACKNOWLEDGED_BEFORE_KILL);
            assertThat(stored).containsAll(answered);
        } finally {
            restarted.destroyForcibly();
            restarted.waitFor(30, TimeUnit.SECONDS);
        }
    }

    @Test
    void noBatchAnImportReportedAsCommittedIsLostToKillMinus9OnH2() throws Exception {
        Path data = ApiTest.temporaryDirectory("ledger-kill-import");
        importKilledAndResumed(
                Map.of("ledger.data-dir", data.toString(), "ledger.demo-history.enabled", "false"), data);
    }

    @Test
    void noBatchAnImportReportedAsCommittedIsLostToKillMinus9OnPostgres() throws Exception {
        PostgresSchemas.assumeAvailable("the import's kill -9 test");
        Map<String, String> database = new java.util.HashMap<>(PostgresSchemas.newSchema());
        database.put("spring.profiles.active", "postgres");
        database.put("ledger.demo-history.enabled", "false");
        importKilledAndResumed(database, ApiTest.temporaryDirectory("ledger-kill-import"));
    }

    /**
     * Kills the server in the middle of an import whose progress said some batches were committed; after the
     * restart those are all there, nothing of a batch that was not, and posting the file again completes it.
     */
    private static void importKilledAndResumed(Map<String, String> database, Path logs) throws Exception {
        int port = ServerProcess.freePort();
        Process server = ServerProcess.start(port, database, logs.resolve("server-1.log"));
        StringBuilder file = new StringBuilder();
        for (int n = 0; n < LINES; n++) {
            file.append("{\"path\": \"/api/v1/actors\", \"body\": {\"id\": \"imported-")
                    .append(n)
                    .append("\", \"name\": \"Actor ")
                    .append(n)
                    .append("\", \"kind\": \"OTHER\"}}\n");
        }
        int reported;
        ExecutorService client = Executors.newSingleThreadExecutor();
        try {
            Http http = new Http(port);
            ServerProcess.awaitHealthy(http, server);
            client.submit(() -> {
                try {
                    http.post("/api/v1/imports?id=killed", file.toString(), "Content-Type", "application/x-ndjson");
                } catch (UncheckedIOException connectionLost) {
                    // the server was killed in the middle of the import: expected
                }
            });
            await().atMost(Duration.ofMinutes(2))
                    .pollInterval(Duration.ofMillis(50))
                    .until(() -> http.get("/api/v1/imports/killed")
                                    .json()
                                    .get("batches")
                                    .asInt()
                            >= 3);
            reported = http.get("/api/v1/imports/killed").json().get("lines").asInt();
            server.destroyForcibly(); // SIGKILL, in the middle of the import
            assertThat(server.waitFor(30, TimeUnit.SECONDS)).isTrue();
        } finally {
            client.shutdownNow();
            server.destroyForcibly();
        }

        Process restarted = ServerProcess.start(port, database, logs.resolve("server-2.log"));
        try {
            Http http = new Http(port);
            ServerProcess.awaitHealthy(http, restarted);
            JsonNode progress = http.get("/api/v1/imports/killed").json();
            assertThat(progress.get("lines").asInt())
                    .as("lines committed after the restart, %s reported before the kill", reported)
                    .isGreaterThanOrEqualTo(reported);
            long actors = http.get("/api/v1/audit/events", "Accept", "application/x-ndjson")
                    .text()
                    .lines()
                    .filter(line -> !line.isBlank())
                    .count();
            // Each committed batch is all there, and nothing of a batch that did not commit: one event a line.
            assertThat(actors)
                    .as("events after the restart, for %s", progress)
                    .isEqualTo(progress.get("lines").asLong());
            // The rest of 20,000 lines: seconds here, much longer on a machine busy with other builds.
            JsonNode resumed = http.withTimeout(Duration.ofMinutes(5))
                    .post("/api/v1/imports?id=killed", file.toString(), "Content-Type", "application/x-ndjson")
                    .json();
            assertThat(resumed.get("alreadyRecorded").asInt())
                    .isEqualTo(progress.get("lines").asInt());
            assertThat(resumed.get("recorded").asInt())
                    .isEqualTo(LINES - progress.get("lines").asInt());
        } finally {
            restarted.destroyForcibly();
            restarted.waitFor(30, TimeUnit.SECONDS);
        }
    }

    private static Process startServer(Path data, int port) throws IOException {
        return ServerProcess.start(
                port,
                Map.of("ledger.data-dir", data.toString(), "ledger.demo-history.enabled", "false"),
                data.resolve("server-" + System.nanoTime() + ".log"));
    }
}

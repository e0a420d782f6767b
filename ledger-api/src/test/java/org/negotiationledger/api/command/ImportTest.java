package org.negotiationledger.api.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.negotiationledger.api.ApiTest;
import org.negotiationledger.api.Http;
import org.negotiationledger.api.ServerProcess;
import org.negotiationledger.api.TestUsers;

/**
 * {@code POST /api/v1/imports}: a file of commands applied in batches of one transaction each; the first refused
 * line stops it, named with the problem its endpoint would answer; posted again under its id, it records only
 * what was missing.
 */
class ImportTest extends ApiTest {

    private static final String NDJSON = "application/x-ndjson";
    private static final int LINES = 10_000;
    /** An import of thousands of lines takes seconds here, far longer on a machine busy with other builds. */
    private static final Duration IMPORTING = Duration.ofMinutes(5);

    private static final int BAD = 5_500;

    @Test
    void aFileWithABadLineIsRecordedUpToItsBatchAndCompletedWhenPostedAgainCorrected() {
        World world = world();
        String importId = unique("history");
        List<String> lines = reports(world, LINES);
        String good = lines.get(BAD - 1);
        lines.set(BAD - 1, good.replace("2020-10-10T12:05+04:00", "2020-10-10T11:00+04:00"));
        long before = events(world.truce());

        JsonNode stopped = post(importId, lines, 200);
        assertThat(stopped.get("state").asText()).isEqualTo("STOPPED");
        assertThat(stopped.get("recorded").asInt()).isEqualTo(5_000);
        assertThat(stopped.get("line").asInt()).isEqualTo(BAD);
        assertThat(stopped.get("problem").get("status").asInt()).isEqualTo(422);
        assertThat(stopped.get("problem").get("errors").get(0).get("field").asText())
                .isEqualTo("occurredAt");
        assertThat(events(world.truce())).isEqualTo(before + 5_000);
        JsonNode progress = http.get("/api/v1/imports/" + importId).json();
        assertThat(progress.get("batches").asInt()).isEqualTo(5);
        assertThat(progress.get("lines").asInt()).isEqualTo(5_000);

        lines.set(BAD - 1, good);
        JsonNode done = post(importId, lines, 200);
        assertThat(done.get("state").asText()).isEqualTo("DONE");
        assertThat(done.get("recorded").asInt()).isEqualTo(5_000);
        assertThat(done.get("alreadyRecorded").asInt()).isEqualTo(5_000);
        assertThat(events(world.truce())).isEqualTo(before + LINES);

        JsonNode again = post(importId, lines, 200);
        assertThat(again.get("recorded").asInt()).isZero();
        assertThat(again.get("alreadyRecorded").asInt()).isEqualTo(LINES);
        assertThat(events(world.truce())).isEqualTo(before + LINES);

        await().atMost(Duration.ofSeconds(60))
                .until(() -> http.get("/api/v1/commitments/" + world.truce())
                                .json()
                                .get("reports")
                                .get("standing")
                                .asInt()
                        == LINES);
        assertThat(jdbc.queryForObject(
                        "SELECT COUNT(*) FROM DomainEventEntry WHERE aggregateIdentifier = ? "
                                + "AND CAST(metaData AS VARCHAR(10000)) LIKE ?",
                        Long.class,
                        "commitment:" + world.truce(),
                        "%\"principal\":\"" + TestUsers.TESTER + "\"%"))
                .isEqualTo(LINES + 1L);
    }

    @Test
    void aFilePostedAgainWithARecordedLineChangedIsRefusedAndRecordsNothing() {
        World world = world();
        String importId = unique("history");
        List<String> lines = reports(world, 1_500);
        lines.set(1_499, lines.get(1_499).replace(world.b(), "nobody"));
        assertThat(post(importId, lines, 200).get("recorded").asInt()).isEqualTo(1_000);
        long before = events(world.truce());

        lines.set(9, lines.get(9).replace("artillery fire", "mortar fire"));
        JsonNode refused = post(importId, lines, 409);
        assertThat(refused.get("type").asText()).isEqualTo("urn:problem:negotiation-ledger:import-conflict");
        assertThat(events(world.truce())).isEqualTo(before);
    }

    @Test
    void aRefusedLineInTheFirstBatchIsAnsweredWithItsProblemAndNothingIsRecorded() {
        World world = world();
        List<String> lines = reports(world, 10);
        lines.set(2, """
                {"path": "/api/v1/commitments/%s/violation", "body": {}}""".formatted(world.truce()));
        long before = eventCount();

        Http.Response answer = http.withTimeout(IMPORTING)
                .post("/api/v1/imports?id=" + unique("history"), String.join("\n", lines), "Content-Type", NDJSON);
        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.contentType()).startsWith("application/problem+json");
        assertThat(answer.json().get("line").asInt()).isEqualTo(3);
        assertThat(answer.json().get("errors").get(0).get("field").asText()).isEqualTo("path");
        assertThat(eventCount()).isEqualTo(before);

        lines.set(2, """
                {"path": "/api/v1/commitments/%s/violations", "body": {"reportedBy": "%s", "accused": "%s",
                 "occurredAt": "yesterday"}}""".replace("\n", "").formatted(world.truce(), world.a(), world.b()));
        Http.Response invalid = http.withTimeout(IMPORTING)
                .post("/api/v1/imports?id=" + unique("history"), String.join("\n", lines), "Content-Type", NDJSON);
        assertThat(invalid.status()).isEqualTo(400);
        assertThat(invalid.json().get("errors").get(0).get("field").asText()).isEqualTo("occurredAt");
        assertThat(eventCount()).isEqualTo(before);

        // every field at fault in one answer, as the endpoint names them
        lines.set(2, """
                {"path": "/api/v1/actors", "body": {"id": "Not An Id", "name": "", "kind": "PLANET"}}""");
        Http.Response several = http.withTimeout(IMPORTING)
                .post("/api/v1/imports?id=" + unique("history"), String.join("\n", lines), "Content-Type", NDJSON);
        assertThat(several.status()).isEqualTo(400);
        assertThat(several.json().get("line").asInt()).isEqualTo(3);
        assertThat(several.json().get("errors").findValuesAsText("field")).containsExactly("id", "kind", "name");
        assertThat(eventCount()).isEqualTo(before);
    }

    @Test
    void twoPostsOfOneImportAtOnceRecordEachLineOnce() throws Exception {
        World world = world();
        String importId = unique("history");
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < 4_000; i++) {
            // No ids: the ledger assigns one to each, so a line recorded twice would show as two reports.
            lines.add("{\"path\": \"/api/v1/commitments/" + world.truce() + "/violations\", \"body\": "
                    + "{\"reportedBy\": \"" + world.a() + "\", \"accused\": \"" + world.b()
                    + "\", \"occurredAt\": \"2020-10-10T12:05+04:00\"}}");
        }
        long before = events(world.truce());
        java.util.concurrent.ExecutorService clients = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            var first = clients.submit(() -> post(importId, lines, 200));
            var second = clients.submit(() -> post(importId, lines, 200));
            for (JsonNode answer : List.of(first.get(), second.get())) {
                assertThat(answer.get("state").asText()).as(answer.toString()).isEqualTo("DONE");
                assertThat(answer.get("recorded").asInt()
                                + answer.get("alreadyRecorded").asInt())
                        .isEqualTo(4_000);
            }
        } finally {
            clients.shutdown();
        }
        assertThat(events(world.truce())).isEqualTo(before + 4_000);
        // Leave the views caught up, as the tests after this one expect to find their own records at once.
        await().atMost(Duration.ofSeconds(120))
                .until(() -> http.get("/api/v1/commitments/" + world.truce())
                                .json()
                                .get("reports")
                                .get("standing")
                                .asInt()
                        == 4_000);
    }

    @Test
    void aLineWithAKeyBesidesPathAndBodyIsRefusedNamingItAndNothingOfItsBatchIsRecorded() {
        for (String key : List.of("principal", "method", "headers", "user")) {
            String actor = unique("keyed");
            List<String> lines =
                    List.of(actorLine(unique("before")), actorLine(unique("before")), """
                    {"path": "/api/v1/actors", "body": {"id": "%s", "name": "A", "kind": "STATE"}, "%s": "evil"}""".formatted(actor, key));
            long before = eventCount();

            Http.Response refused = http.post(
                    "/api/v1/imports?id=" + unique("keyed"), String.join("\n", lines), "Content-Type", NDJSON);
            assertThat(refused.status()).as(key + ": " + refused.text()).isEqualTo(400);
            assertThat(refused.json().get("line").asInt()).isEqualTo(3);
            assertThat(refused.json().get("errors").get(0).get("field").asText())
                    .isEqualTo(key);
            assertThat(eventCount()).as(key).isEqualTo(before);
            assertThat(http.get("/api/v1/actors/" + actor).status()).isEqualTo(404);
        }
    }

    @Test
    void aLinePathThatHttpRefusesIsRefusedAsOverHttp() {
        for (String path : List.of(
                "/api/v1/actors;jsessionid=x",
                "/api/v1/actors;",
                "/api/v1//actors",
                "/api/v1/x/../actors",
                "/api/v1/./actors",
                "/api/v1/%2e%2e/v1/actors",
                "/api/v1/act%25ors",
                "/api/v1/actors%2F",
                "/api/v1/actors%3bx",
                "/api/v1/actors\\x",
                "/api/v1/act\u00f6rs")) {
            String actor = unique("pathed");
            String body = """
                    {"id": "%s", "name": "A", "kind": "STATE"}""".formatted(actor);
            if (path.chars().allMatch(c -> c > 0x20 && c < 0x7f && c != '\\')) {
                // The same path over HTTP: refused by the firewall before anything reads the body.
                assertThat(http.post(path, body).status()).as("POST " + path).isEqualTo(400);
            }
            String line = "{\"path\": " + json(path) + ", \"body\": " + body + "}";
            long before = eventCount();

            Http.Response refused = http.post("/api/v1/imports?id=" + unique("pathed"), line, "Content-Type", NDJSON);
            assertThat(refused.status()).as(path + ": " + refused.text()).isEqualTo(400);
            assertThat(refused.json().get("line").asInt()).isEqualTo(1);
            assertThat(refused.json().get("errors").get(0).get("field").asText())
                    .isEqualTo("path");
            assertThat(eventCount()).as(path).isEqualTo(before);
        }
    }

    /**
     * A body near the 64 MB limit, one command and the rest blank lines, to a server with a heap of 512 MB: it
     * answers as for the one line. Held whole (bytes, a string, a list of lines) such a body took more than
     * 768 MB and answered 500; read as it streams, the server holds one batch.
     */
    @Test
    void aBodyNearTheLimitIsReadAsItStreamsOnASmallHeap() throws Exception {
        Path data = ApiTest.temporaryDirectory("ledger-import-stream");
        int port = ServerProcess.freePort();
        Process server = ServerProcess.start(
                port,
                Map.of("ledger.data-dir", data.resolve("data").toString(), "ledger.demo-history.enabled", "false"),
                data.resolve("server.log"));
        try {
            Http client = new Http(port).withTimeout(IMPORTING);
            ServerProcess.awaitHealthy(client, server);
            byte[] line = (actorLine("streamed") + "\n").getBytes(StandardCharsets.UTF_8);
            byte[] body = new byte[60 * 1024 * 1024];
            Arrays.fill(body, (byte) '\n');
            System.arraycopy(line, 0, body, 0, line.length);

            Http.Response answer = client.post("/api/v1/imports?id=streamed", body, "Content-Type", NDJSON);
            assertThat(answer.status()).as(answer.text()).isEqualTo(200);
            assertThat(answer.json().get("state").asText()).isEqualTo("DONE");
            assertThat(answer.json().get("lines").asInt()).isEqualTo(1);
            assertThat(answer.json().get("recorded").asInt()).isEqualTo(1);
            // The views fold the event a moment after it commits.
            await().atMost(Duration.ofSeconds(60))
                    .until(() -> client.get("/api/v1/actors/streamed").status() == 200);
        } finally {
            server.destroyForcibly();
            server.waitFor(30, TimeUnit.SECONDS);
        }
    }

    private static String actorLine(String id) {
        return """
                {"path": "/api/v1/actors", "body": {"id": "%s", "name": "Actor", "kind": "STATE"}}""".formatted(id);
    }

    private static String json(String text) {
        try {
            return new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(text);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Reports against the world's truce, one a line, as a client would export them. */
    private static List<String> reports(World world, int count) {
        List<String> lines = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            lines.add("{\"path\": \"/api/v1/commitments/" + world.truce() + "/violations\", \"body\": "
                    + violation("i" + i, world.a(), world.b(), "2020-10-10T12:05+04:00")
                            .replace("\n", "") + "}");
        }
        return lines;
    }

    private JsonNode post(String importId, List<String> lines, int status) {
        Http.Response answer = http.withTimeout(IMPORTING)
                .post("/api/v1/imports?id=" + importId, String.join("\n", lines) + "\n", "Content-Type", NDJSON);
        assertThat(answer.status()).as(answer.text()).isEqualTo(status);
        return answer.json();
    }

    private long events(String truce) {
        return jdbc.queryForObject(
                "SELECT COUNT(*) FROM DomainEventEntry WHERE aggregateIdentifier = ?",
                Long.class,
                "commitment:" + truce);
    }
}

package org.negotiationledger.api.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.negotiationledger.api.ApiTest;
import org.negotiationledger.api.Http;
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

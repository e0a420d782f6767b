package org.negotiationledger.api.view;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.negotiationledger.api.ApiTest;
import org.negotiationledger.api.Http;
import org.negotiationledger.api.LedgerInstance;
import org.negotiationledger.api.SseClient;
import org.negotiationledger.projections.tables.ViewTables;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A rebuild replaces the views in one step, by switching to a new generation of their tables: while it runs,
 * every query and stream answers from the views as they were, never from half-rebuilt ones; and a rebuild that
 * fails, or whose server dies, leaves them as they were.
 */
class RebuildServingTest {

    private static final List<String> QUERIES = List.of(
            "/api/v1/commitments?negotiationId=bench-0",
            "/api/v1/commitments/truce-7",
            "/api/v1/commitments/broken?withinHours=1",
            "/api/v1/negotiations/bench-0/timeline",
            "/api/v1/actors/party-a/record");

    @Test
    void everyAnswerDuringARebuildEqualsTheAnswerBeforeIt() throws Exception {
        try (LedgerInstance ledger = LedgerInstance.fresh("ledger-rebuild-serving")) {
            Http http = ledger.http();
            BenchmarkHistory.append(ledger, 100, 20_000);
            ViewsCaughtUp.await(http);
            Map<String, JsonNode> before = answers(http);
            int generation = http.get("/api/v1/admin/replays/all")
                    .json()
                    .get("generation")
                    .asInt();
            SseClient stream = SseClient.open(ledger.port(), "/api/v1/stream/commitments?negotiationId=bench-0");
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> stream.events("commitment").size() == 100);

            List<String> differing = new CopyOnWriteArrayList<>();
            AtomicBoolean rebuilding = new AtomicBoolean(true);
            java.util.concurrent.atomic.AtomicInteger asked = new java.util.concurrent.atomic.AtomicInteger();
            // rounds begun while the rebuild had not yet switched: what shows that the queries overlapped it
            java.util.concurrent.atomic.AtomicInteger duringTheBuild = new java.util.concurrent.atomic.AtomicInteger();
            java.util.concurrent.atomic.AtomicReference<Throwable> failed =
                    new java.util.concurrent.atomic.AtomicReference<>();
            Thread client = new Thread(() -> {
                try {
                    while (rebuilding.get()) {
                        if (http.get("/api/v1/admin/replays/all")
                                .json()
                                .get("state")
                                .asText()
                                .equals("RUNNING")) {
                            duringTheBuild.incrementAndGet();
                        }
                        answers(http).forEach((query, answer) -> {
                            if (!answer.equals(before.get(query))) {
                                differing.add(query);
                            }
                        });
                        asked.incrementAndGet();
                    }
                } catch (Throwable e) {
                    failed.set(e); // seen by the test's own thread below, not lost with this one
                }
            });
            assertThat(http.post("/api/v1/admin/replays/all", "").status()).isEqualTo(202);
            client.start();
            ViewsCaughtUp.await(http);
            rebuilding.set(false);
            client.join();

            assertThat(failed.get()).as("the querying client's failure").isNull();
            assertThat(asked.get()).as("rounds of queries").isPositive();
            assertThat(duringTheBuild.get())
                    .as("rounds of queries begun while the rebuild was building")
                    .isPositive();
            assertThat(differing)
                    .as("answers that differed from those before the rebuild")
                    .isEmpty();
            assertThat(answers(http)).isEqualTo(before);
            assertThat(http.get("/api/v1/admin/replays/all")
                            .json()
                            .get("generation")
                            .asInt())
                    .as("the generation serving after the rebuild")
                    .isEqualTo(generation + 1);
            // The stream went on from the same positions: the switch sent its subscriber nothing again.
            http.post(
                    "/api/v1/commitments/truce-0/violations",
                    "{\"reportedBy\": \"party-a\", \"accused\": \"party-b\", "
                            + "\"occurredAt\": \"2020-10-11T12:00+04:00\"}");
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> stream.events("commitment").size() == 101);
            assertThat(stream.events("commitment").get(100).json().get("id").asText())
                    .isEqualTo("truce-0");
            stream.close();
        }
    }

    /**
     * Writers keep the head moving through every step of the rebuild: it switches all the same, reads DONE from
     * then on while they go on (their events are the live projection's, not the rebuild's), and every report
     * written before, during and after the switch is in the views once.
     */
    @Test
    void aRebuildUnderSteadyWritesSwitchesReadsDoneAndMissesNoWrite() throws Exception {
        try (LedgerInstance ledger = LedgerInstance.fresh("ledger-rebuild-writing")) {
            Http http = ledger.http();
            BenchmarkHistory.append(ledger, 20, 2_000);
            ViewsCaughtUp.await(http);
            int generation = generation(http);
            List<String> truces = List.of("truce-0", "truce-1", "truce-2", "truce-3");
            Map<String, Long> standingBefore = new java.util.HashMap<>();
            truces.forEach(truce -> standingBefore.put(truce, standing(http, truce)));

            Map<String, AtomicLong> written = new ConcurrentHashMap<>();
            AtomicBoolean writing = new AtomicBoolean(true);
            List<Thread> writers = new ArrayList<>();
            for (String truce : truces) {
                written.put(truce, new AtomicLong());
                Thread writer = new Thread(() -> {
                    while (writing.get()) {
                        if (http.post("/api/v1/commitments/" + truce + "/violations", """
                                {"reportedBy": "party-a", "accused": "party-b", "occurredAt": "2020-10-10T12:05+04:00"}""")
                                        .status()
                                == 201) {
                            written.get(truce).incrementAndGet();
                        }
                    }
                });
                writers.add(writer);
                writer.start();
            }
            List<String> afterSwitch = new ArrayList<>();
            try {
                await().atMost(Duration.ofSeconds(30)).until(() -> total(written) >= 40);
                assertThat(http.post("/api/v1/admin/replays/all", "").status()).isEqualTo(202);
                await().atMost(Duration.ofMinutes(2))
                        .pollInterval(Duration.ofMillis(100))
                        .until(() -> generation(http) == generation + 1);
                // The writers go on: every reading from the switch on says the rebuild is done.
                long atSwitch = total(written);
                await().atMost(Duration.ofSeconds(60))
                        .pollInterval(Duration.ofMillis(20))
                        .until(() -> {
                            afterSwitch.add(http.get("/api/v1/admin/replays/all")
                                    .json()
                                    .get("state")
                                    .asText());
                            return total(written) >= atSwitch + 40;
                        });
            } finally {
                writing.set(false);
                for (Thread writer : writers) {
                    writer.join();
                }
            }
            assertThat(afterSwitch).as("the rebuild's state after its switch").containsOnly("DONE");
            ViewsCaughtUp.await(http);
            for (String truce : truces) {
                assertThat(standing(http, truce))
                        .as("standing reports of %s: none missed or counted twice across the switch", truce)
                        .isEqualTo(
                                standingBefore.get(truce) + written.get(truce).get());
            }
            // And the views equal those a rebuild with nothing written meanwhile makes.
            Map<String, JsonNode> switchedUnderWrites = answers(http);
            assertThat(http.post("/api/v1/admin/replays/all", "").status()).isEqualTo(202);
            ViewsCaughtUp.await(http);
            assertThat(generation(http)).isEqualTo(generation + 2);
            assertThat(answers(http)).isEqualTo(switchedUnderWrites);
        }
    }

    private static long total(Map<String, AtomicLong> written) {
        return written.values().stream().mapToLong(AtomicLong::get).sum();
    }

    private static int generation(Http http) {
        return http.get("/api/v1/admin/replays/all").json().get("generation").asInt();
    }

    private static long standing(Http http, String truce) {
        return http.get("/api/v1/commitments/" + truce)
                .json()
                .get("reports")
                .get("standing")
                .asLong();
    }

    @Test
    void aRebuildWhoseServerFallsSilentLeavesTheViewsServingAndIsStartedAgain() {
        try (LedgerInstance ledger =
                LedgerInstance.fresh("ledger-rebuild-stalled", Map.of("ledger.views.rebuild-stall-timeout", "3s"))) {
            Http http = ledger.http();
            BenchmarkHistory.append(ledger, 20, 2_000);
            ViewsCaughtUp.await(http);
            Map<String, JsonNode> before = answers(http);
            JdbcTemplate jdbc = ledger.bean(JdbcTemplate.class);
            int serving = jdbc.queryForObject("SELECT serving FROM view_rebuild WHERE id = 1", Integer.class);
            // What a server killed halfway through a rebuild leaves: the row marked as its build, half a generation.
            new ViewTables(serving + 1).create(jdbc);
            jdbc.update(
                    "UPDATE view_rebuild SET state = 'BUILDING', builder = 'a server that died', building = ?, "
                            + "done = 1000, total = 2000, elapsed_ms = 1000 WHERE id = 1",
                    serving + 1);

            JsonNode progress = http.get("/api/v1/admin/replays/all").json();
            assertThat(progress.get("state").asText()).isEqualTo("RUNNING");
            assertThat(progress.get("rate").asDouble()).isEqualTo(1000.0);
            assertThat(progress.get("secondsLeft").asLong()).isEqualTo(1);
            assertThat(answers(http)).isEqualTo(before);

            await().atMost(Duration.ofSeconds(60))
                    .until(() -> "DONE"
                            .equals(jdbc.queryForObject("SELECT state FROM view_rebuild WHERE id = 1", String.class)));
            assertThat(jdbc.queryForObject("SELECT serving FROM view_rebuild WHERE id = 1", Integer.class))
                    .isEqualTo(serving + 1);
            assertThat(answers(http)).isEqualTo(before);
        }
    }

    @Test
    void aRebuildThatFailsLeavesTheViewsAsTheyWere() {
        try (LedgerInstance ledger = LedgerInstance.fresh("ledger-rebuild-failing")) {
            Http http = ledger.http();
            BenchmarkHistory.append(ledger, 20, 2_000);
            ViewsCaughtUp.await(http);
            Map<String, JsonNode> before = answers(http);
            // An event in the middle of the history that can no longer be read: the rebuild stops on it.
            ledger.bean(JdbcTemplate.class)
                    .update(
                            "UPDATE DomainEventEntry SET payload = ? WHERE globalIndex = "
                                    + "(SELECT MAX(globalIndex) / 2 FROM DomainEventEntry)",
                            "not json".getBytes());

            assertThat(http.post("/api/v1/admin/replays/all", "").status()).isEqualTo(202);
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> "FAILED"
                            .equals(http.get("/api/v1/admin/replays/all")
                                    .json()
                                    .get("state")
                                    .asText()));
            assertThat(answers(http)).isEqualTo(before);
        }
    }

    @Test
    void aLedgerThatHeldEventsBeforeAMigrationOfTheViewsIsRebuiltOnItsFirstStartAfterIt() {
        Map<String, String> data = Map.of(
                "ledger.data-dir",
                ApiTest.temporaryDirectory("ledger-rebuild-upgrade").toString());
        Map<String, String> before = new java.util.HashMap<>(data);
        before.put("spring.flyway.target", "5"); // the schema as the previous version left it
        try (LedgerInstance old = LedgerInstance.start(before)) {
            BenchmarkHistory.append(old, 10, 1_000);
        }
        try (LedgerInstance upgraded = LedgerInstance.start(data)) {
            Http http = upgraded.http();
            await().atMost(Duration.ofSeconds(60))
                    .until(() -> "DONE"
                            .equals(upgraded.bean(JdbcTemplate.class)
                                    .queryForObject("SELECT state FROM view_rebuild WHERE id = 1", String.class)));
            assertThat(http.get("/api/v1/admin/replays/all")
                            .json()
                            .get("generation")
                            .asInt())
                    .isEqualTo(2);
            ViewsCaughtUp.await(http);
            assertThat(http.get("/api/v1/commitments?negotiationId=bench-0").json())
                    .hasSize(10);
        }
    }

    @Test
    void aServerWhoseViewsLayoutIsNewerThanTheServingGenerationsRebuildsIntoIt() {
        java.nio.file.Path dir = ApiTest.temporaryDirectory("ledger-rebuild-layout");
        Map<String, String> data = Map.of("ledger.data-dir", dir.toString());
        try (LedgerInstance old = LedgerInstance.start(data)) {
            BenchmarkHistory.append(old, 10, 1_000);
            ViewsCaughtUp.await(old.http());
        }
        // As a server of an earlier layout left it: written with no server running, so that none of this
        // layout sees it before the restart (it would start the rebuild, and be stopped in the middle of it).
        try (java.sql.Connection h2 =
                        java.sql.DriverManager.getConnection("jdbc:h2:file:" + dir + "/ledger", "sa", "");
                java.sql.PreparedStatement update =
                        h2.prepareStatement("UPDATE view_rebuild SET schema_version = ? WHERE id = 1")) {
            update.setInt(1, ViewTables.SCHEMA - 1);
            update.executeUpdate();
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
        try (LedgerInstance upgraded = LedgerInstance.start(data)) {
            JdbcTemplate jdbc = upgraded.bean(JdbcTemplate.class);
            ViewsCaughtUp.rebuiltIntoTheCurrentSchema(jdbc, 2);
            ViewsCaughtUp.await(upgraded.http());
            assertThat(upgraded.http()
                            .get("/api/v1/commitments?negotiationId=bench-0")
                            .json())
                    .hasSize(10);
        }
    }

    @Test
    void aNewLedgerAsksForNoRebuild() {
        try (LedgerInstance ledger = LedgerInstance.fresh("ledger-rebuild-new")) {
            assertThat(ledger.bean(JdbcTemplate.class)
                            .queryForObject("SELECT state FROM view_rebuild WHERE id = 1", String.class))
                    .isEqualTo("NONE");
        }
    }

    private static Map<String, JsonNode> answers(Http http) {
        Map<String, JsonNode> answers = new java.util.LinkedHashMap<>();
        for (String query : QUERIES) {
            Http.Response response = http.get(query + (query.contains("?") ? "&" : "?") + "validAt=2021-01-01T00:00Z");
            answers.put(query, response.status() == 200 ? response.json() : null);
        }
        return answers;
    }
}

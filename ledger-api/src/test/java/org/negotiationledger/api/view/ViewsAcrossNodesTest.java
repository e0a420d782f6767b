package org.negotiationledger.api.view;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.negotiationledger.api.ApiTest;
import org.negotiationledger.api.Http;
import org.negotiationledger.api.LedgerInstance;
import org.negotiationledger.api.PostgresSchemas;
import org.negotiationledger.api.ServerProcess;
import org.negotiationledger.api.SmallWorld;
import org.negotiationledger.api.TestDatabase;
import org.negotiationledger.projections.rebuild.Rebuilds;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Several servers on one database share the views' work: a rebuild asked of any of them is carried out once, by
 * the one that holds the work, and reads the same on all; a server that dies has its work taken over.
 */
class ViewsAcrossNodesTest {

    @AfterAll
    static void dropSchemas() throws SQLException {
        if (PostgresSchemas.unavailable() == null) {
            PostgresSchemas.dropAll();
        }
    }

    @Test
    void aRebuildAskedOfTheServerWithoutTheWorkIsCarriedOutOnceAndReadsTheSameOnBoth() {
        TestDatabase database = TestDatabase.shared("ledger-views-nodes");
        try (LedgerInstance one = database.start();
                LedgerInstance two = database.start()) {
            record(one.http(), "rebuilt", 3);
            await().atMost(Duration.ofSeconds(30)).until(() -> caughtUp(one.http()) && caughtUp(two.http()));
            LedgerInstance idle = one.bean(Rebuilds.class).holdsTheWork() ? two : one;
            assertThat(idle.bean(Rebuilds.class).holdsTheWork()).isFalse();

            Http asked = idle.http();
            assertThat(asked.post("/api/v1/admin/replays/all", "").status()).isEqualTo(202);
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> "DONE"
                            .equals(idle.bean(JdbcTemplate.class)
                                    .queryForObject("SELECT state FROM view_rebuild WHERE id = 1", String.class)));
            await().atMost(Duration.ofSeconds(60)).until(() -> caughtUp(one.http()) && caughtUp(two.http()));
            assertThat(one.http().get("/api/v1/admin/replays/all").json())
                    .isEqualTo(two.http().get("/api/v1/admin/replays/all").json());
            assertThat(asked.get("/api/v1/commitments/rebuilt")
                            .json()
                            .get("reports")
                            .get("standing")
                            .asInt())
                    .isEqualTo(3);
            for (LedgerInstance node : List.of(one, two)) {
                assertThat(node.http()
                                .get("/actuator/health")
                                .json()
                                .get("status")
                                .asText())
                        .isEqualTo("UP");
            }
        }
    }

    @Test
    void whenTheServerDoingTheViewsWorkIsKilledTheOtherTakesItOverWithin15Seconds() throws Exception {
        PostgresSchemas.assumeAvailable("two-process views tests");
        Map<String, String> database = PostgresSchemas.newSchema();
        Path logs = ApiTest.temporaryDirectory("ledger-views-kill");
        List<Process> servers = new ArrayList<>();
        List<Http> https = new ArrayList<>();
        try {
            for (int i = 0; i < 2; i++) {
                int port = ServerProcess.freePort();
                servers.add(start(database, port, logs.resolve("server-" + i + ".log")));
                https.add(new Http(port).withoutLocationCheck());
            }
            for (int i = 0; i < 2; i++) {
                ServerProcess.awaitHealthy(https.get(i), servers.get(i));
            }
            List<String> truces = List.of("kill-a", "kill-b", "kill-c", "kill-d");
            record(https.get(0), null, 0);
            for (String truce : truces) {
                SmallWorld.truce(https.get(0), truce);
            }
            await().atMost(Duration.ofSeconds(30)).until(() -> caughtUp(https.get(0)) && caughtUp(https.get(1)));
            int owner = holdsTheWork(https.get(0)) ? 0 : 1;
            assertThat(holdsTheWork(https.get(owner))).isTrue();
            Http survivor = https.get(1 - owner);

            // Four clients report violations, each against its own truce, through both servers in turn.
            Queue<String[]> acknowledged = new ConcurrentLinkedQueue<>();
            AtomicBoolean stop = new AtomicBoolean();
            ExecutorService clients = Executors.newFixedThreadPool(truces.size());
            for (int c = 0; c < truces.size(); c++) {
                String truce = truces.get(c);
                clients.submit(() -> {
                    for (int n = 0; !stop.get(); n++) {
                        String id = truce + "-r" + n;
                        try {
                            if (https.get(n % 2)
                                            .post("/api/v1/commitments/" + truce + "/violations", """
                                    {"id": "%s", "reportedBy": "armenia", "accused": "azerbaijan",
                                     "occurredAt": "2020-10-10T12:05+04:00"}""".formatted(id))
                                            .status()
                                    == 201) {
                                acknowledged.add(new String[] {truce, id});
                            }
                        } catch (UncheckedIOException | IllegalStateException gone) {
                            // The killed server: this request was not acknowledged.
                        }
                    }
                });
            }
            await().atMost(Duration.ofMinutes(2)).until(() -> acknowledged.size() >= 60);
            servers.get(owner).destroyForcibly(); // SIGKILL, in the middle of the load
            long killed = System.nanoTime();
            await().atMost(Duration.ofMinutes(1)).until(() -> acknowledged.size() >= 100);
            stop.set(true);
            clients.shutdown();
            assertThat(clients.awaitTermination(1, TimeUnit.MINUTES)).isTrue();

            Duration left = Duration.ofSeconds(15).minusNanos(System.nanoTime() - killed);
            await().atMost(left.isNegative() ? Duration.ZERO : left)
                    .pollInterval(Duration.ofMillis(100))
                    .until(() -> caughtUp(survivor));
            // Every acknowledged report is in the views exactly once: each answers, and each truce counts as many
            // standing reports as it has reports in the history (a report replayed twice would count twice).
            for (String[] report : acknowledged) {
                assertThat(survivor.get("/api/v1/commitments/" + report[0] + "/violations/" + report[1])
                                .status())
                        .as(report[1])
                        .isEqualTo(200);
            }
            for (String truce : truces) {
                long stored = survivor.get("/api/v1/audit/events?aggregateId=" + truce + "&limit=10000")
                                .json()
                                .size()
                        - 1;
                assertThat(survivor.get("/api/v1/commitments/" + truce)
                                .json()
                                .get("reports")
                                .get("standing")
                                .asLong())
                        .as(truce)
                        .isEqualTo(stored);
            }
        } finally {
            for (Process server : servers) {
                server.destroyForcibly();
                server.waitFor(30, TimeUnit.SECONDS);
            }
        }
    }

    /** Actors, a negotiation and (when named) a truce with reports. */
    private static void record(Http http, String truce, int reports) {
        SmallWorld.partiesAndNegotiation(http);
        if (truce != null) {
            SmallWorld.truce(http, truce);
            for (int i = 0; i < reports; i++) {
                assertThat(http.post("/api/v1/commitments/" + truce + "/violations", """
                        {"reportedBy": "armenia", "accused": "azerbaijan", "occurredAt": "2020-10-10T12:05+04:00"}""")
                                .status())
                        .isEqualTo(201);
            }
        }
    }

    private static boolean caughtUp(Http http) {
        JsonNode progress = http.get("/api/v1/admin/replays/all").json();
        return "DONE".equals(progress.get("state").asText())
                && progress.get("done").asLong() == progress.get("total").asLong();
    }

    private static boolean holdsTheWork(Http http) {
        return http.get("/actuator/health")
                .json()
                .path("components")
                .path("views")
                .path("details")
                .path("holdsTheWork")
                .asBoolean();
    }

    private static Process start(Map<String, String> database, int port, Path log) throws IOException {
        Map<String, String> settings = new java.util.HashMap<>(database);
        settings.put("spring.profiles.active", "postgres");
        settings.put("ledger.demo-history.enabled", "false");
        return ServerProcess.start(port, settings, log);
    }
}

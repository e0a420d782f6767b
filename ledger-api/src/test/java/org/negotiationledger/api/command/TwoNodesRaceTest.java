package org.negotiationledger.api.command;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.negotiationledger.api.Http;
import org.negotiationledger.api.LedgerInstance;
import org.negotiationledger.api.OnPostgres;
import org.negotiationledger.api.PostgresSchemas;
import org.negotiationledger.api.SmallWorld;
import org.negotiationledger.api.TestDatabase;
import org.negotiationledger.api.TestUsers;

/**
 * Many clients writing one record at once through two servers of one PostgreSQL database, as behind a load
 * balancer: each server's cache of the record goes stale whenever the other writes, and a write that races past
 * its server's check against the store meets the store's unique key and is run again on the record as it now
 * stands (up to three times, as the README says). Every acknowledged write is recorded exactly once, the
 * record's sequence stays dense, every refusal is a 409 that recorded nothing, at least one writer succeeds, a
 * write made to race on purpose succeeds on its retry, and the same Idempotency-Key posted to both servers at
 * once records once and answers alike.
 */
@ExtendWith(OnPostgres.class)
class TwoNodesRaceTest {

    private static final int CLIENTS_PER_SERVER = 4;
    private static final int WRITES_PER_CLIENT = 12;
    private static final AtomicInteger SEQUENCE = new AtomicInteger();
    private static TestDatabase database;
    private static LedgerInstance one;
    private static LedgerInstance two;

    @BeforeAll
    static void twoServersOnOneDatabase() {
        database = TestDatabase.postgres();
        one = database.start();
        two = database.start();
        SmallWorld.partiesAndNegotiation(one.http());
    }

    @AfterAll
    static void stop() {
        try {
            two.close();
        } finally {
            one.close();
        }
    }

    @Test
    void writesWithoutAVersionThroughBothServersAreEachRecordedOnceInADenseSequence() throws Exception {
        String truce = truce();
        List<String> answered = race(index -> {
            String id = "r-" + index;
            Http.Response response = server(index).post("/api/v1/commitments/" + truce + "/violations", report(id));
            if (response.status() == 409) {
                // raced past its check three times in a row: refused as a conflict, never half-recorded
                assertThat(response.json().get("type").asText())
                        .isEqualTo("urn:problem:negotiation-ledger:version-conflict");
                return null;
            }
            assertThat(response.status())
                    .as("a write that stated no version, through server %d: %s", index % 2 + 1, response)
                    .isEqualTo(201);
            return id;
        });
        assertEachAcknowledgedWriteRecordedOnce(truce, answered);
    }

    @Test
    void aWriteThatRacesPastItsServersCheckIsRunAgainOnTheRecordAsItNowStands() throws Exception {
        String truce = truce();
        // Server 1 is held between its check of the record's version and its insert (a trigger, before the
        // insert, waits until server 2 has committed its own report): its insert then meets the store's unique
        // key on the sequence server 2 took, and only a retry on the record as it now stands can record it.
        String schema = database.properties().get("spring.flyway.schemas");
        sql("CREATE FUNCTION " + schema + ".hold_first() RETURNS trigger LANGUAGE plpgsql AS $$ "
                + "DECLARE waited int := 0; BEGIN "
                + "IF convert_from(NEW.payload, 'UTF8') LIKE '%held-first%' THEN "
                + "  WHILE NOT EXISTS (SELECT 1 FROM " + schema + ".domainevententry "
                + "      WHERE convert_from(payload, 'UTF8') LIKE '%second-writer%') AND waited < 600 LOOP "
                + "    PERFORM pg_sleep(0.05); waited := waited + 1; END LOOP; "
                + "END IF; RETURN NEW; END $$");
        sql("CREATE TRIGGER hold_first BEFORE INSERT ON " + schema + ".domainevententry "
                + "FOR EACH ROW EXECUTE FUNCTION " + schema + ".hold_first()");
        try {
            // Both servers have the record loaded at the same version.
            assertThat(one.http().get("/api/v1/commitments/" + truce).status()).isEqualTo(200);
            ExecutorService pool = Executors.newSingleThreadExecutor();
            try {
                Future<Http.Response> held = pool.submit(
                        () -> one.http().post("/api/v1/commitments/" + truce + "/violations", report("held-first")));
                awaitHeld(schema);
                Http.Response second =
                        two.http().post("/api/v1/commitments/" + truce + "/violations", report("second-writer"));
                assertThat(second.status()).as(second.text()).isEqualTo(201);
                Http.Response first = held.get();
                assertThat(first.status()).as("the write that raced: %s", first).isEqualTo(201);
                assertThat(first.json().get("version").asLong())
                        .as("recorded after the other")
                        .isEqualTo(2);
            } finally {
                pool.shutdownNow();
            }
        } finally {
            sql("DROP TRIGGER hold_first ON " + schema + ".domainevententry");
        }
        List<JsonNode> events = events(truce);
        assertDense(events);
        assertThat(reportIds(events)).containsExactly("second-writer", "held-first");
    }

    /** Until a transaction of the schema's database waits in the trigger. */
    private static void awaitHeld(String schema) {
        org.awaitility.Awaitility.await()
                .atMost(java.time.Duration.ofSeconds(30))
                .until(() -> {
                    try (Connection connection = DriverManager.getConnection(
                                    PostgresSchemas.URL, PostgresSchemas.USER, PostgresSchemas.PASSWORD);
                            Statement sql = connection.createStatement();
                            var rows = sql.executeQuery("SELECT COUNT(*) FROM pg_stat_activity "
                                    + "WHERE wait_event = 'PgSleep' AND query ILIKE '%domainevententry%'")) {
                        rows.next();
                        return rows.getInt(1) > 0;
                    }
                });
    }

    private static void sql(String statement) throws java.sql.SQLException {
        try (Connection connection = DriverManager.getConnection(
                        PostgresSchemas.URL, PostgresSchemas.USER, PostgresSchemas.PASSWORD);
                Statement sql = connection.createStatement()) {
            sql.execute(statement);
        }
    }

    @Test
    void writesAtAStatedVersionEitherGetItOrAConflictAndRecordNothing() throws Exception {
        String truce = truce();
        List<String> answered = race(index -> {
            String id = "v-" + index;
            Http http = server(index);
            long version = events(truce).size() - 1;
            Http.Response response = http.post(
                    "/api/v1/commitments/" + truce + "/violations",
                    report(id).replaceFirst("\\}$", ", \"expectedVersion\": " + version + "}"));
            if (response.status() == 409) {
                assertThat(response.json().get("type").asText())
                        .isEqualTo("urn:problem:negotiation-ledger:version-conflict");
                return null;
            }
            assertThat(response.status()).as(response.text()).isEqualTo(201);
            assertThat(response.json().get("version").asLong())
                    .as("the version it stated, and one more")
                    .isEqualTo(version + 1);
            return id;
        });
        assertEachAcknowledgedWriteRecordedOnce(truce, answered);
    }

    @Test
    void theSameKeyPostedToBothServersAtOnceRecordsOnceAndAnswersAlike() throws Exception {
        String truce = truce();
        int pairs = 10;
        List<Http.Response[]> answers = new ArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            for (int pair = 0; pair < pairs; pair++) {
                String key = "key-" + SEQUENCE.incrementAndGet();
                // no id: the ledger assigns one, and a replay must answer the one it assigned
                String body = report(null);
                CountDownLatch start = new CountDownLatch(1);
                Callable<Http.Response> onOne = () -> {
                    start.await();
                    return one.http()
                            .post("/api/v1/commitments/" + truce + "/violations", body, "Idempotency-Key", key);
                };
                Callable<Http.Response> onTwo = () -> {
                    start.await();
                    return two.http()
                            .post("/api/v1/commitments/" + truce + "/violations", body, "Idempotency-Key", key);
                };
                Future<Http.Response> first = pool.submit(onOne);
                Future<Http.Response> second = pool.submit(onTwo);
                start.countDown();
                answers.add(new Http.Response[] {first.get(), second.get()});
            }
        } finally {
            pool.shutdownNow();
        }
        for (Http.Response[] pair : answers) {
            assertThat(pair[0].status()).as("server 1: %s", pair[0]).isEqualTo(201);
            assertThat(pair[1].status()).as("server 2: %s", pair[1]).isEqualTo(201);
            assertThat(pair[1].json()).as("the two answers to one key").isEqualTo(pair[0].json());
            assertThat(pair[1].location()).isEqualTo(pair[0].location());
        }
        List<JsonNode> events = events(truce);
        assertDense(events);
        assertThat(events).as("one report per key").hasSize(1 + pairs);
    }

    @Test
    void anIdempotencyKeyBelongsToThePrincipalThatSentIt() {
        String truce = truce();
        String key = "shared-" + SEQUENCE.incrementAndGet();
        Http tester = one.http();
        Http mediator = two.http().as(TestUsers.MEDIATOR);
        Http.Response mine =
                tester.post("/api/v1/commitments/" + truce + "/violations", report(null), "Idempotency-Key", key);
        assertThat(mine.status()).as(mine.text()).isEqualTo(201);
        // The same request under the same key by another principal is that principal's own request: recorded
        Http.Response theirs =
                mediator.post("/api/v1/commitments/" + truce + "/violations", report(null), "Idempotency-Key", key);
        assertThat(theirs.status()).as(theirs.text()).isEqualTo(201);
        assertThat(theirs.location()).isNotEqualTo(mine.location());
        // and another request under it is not "a key reused for another request": it is another principal's key
        Http.Response other = mediator.post(
                "/api/v1/commitments/" + truce + "/violations", report("other-" + key), "Idempotency-Key", key + "-2");
        assertThat(other.status()).as(other.text()).isEqualTo(201);
        List<JsonNode> events = events(truce);
        assertThat(events).hasSize(4);
        assertThat(events.get(2).get("principal").asText()).isEqualTo(TestUsers.MEDIATOR);
        // and each principal's replay still answers its own first answer
        Http.Response replayed =
                tester.post("/api/v1/commitments/" + truce + "/violations", report(null), "Idempotency-Key", key);
        assertThat(replayed.location()).isEqualTo(mine.location());
        assertThat(events(truce)).hasSize(4);
    }

    @Test
    void theKeyIsCommittedWithTheEventsOrNeither() throws Exception {
        String truce = truce();
        long before = events(truce).size();
        // The store refuses this one key's record, as a disk that filled up just then would (SQLState 53100):
        // the command's events, written before it in the same transaction, must go with it.
        String schema = database.properties().get("spring.flyway.schemas");
        sql("CREATE FUNCTION " + schema + ".refuse_key() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN "
                + "IF NEW.idempotency_key = 'refused-by-the-store' THEN "
                + "RAISE EXCEPTION 'no space left' USING ERRCODE = '53100'; END IF; "
                + "RETURN NEW; END $$");
        sql("CREATE TRIGGER refuse_key BEFORE INSERT ON " + schema + ".idempotency_record "
                + "FOR EACH ROW EXECUTE FUNCTION " + schema + ".refuse_key()");
        Http.Response refused = one.http()
                .post(
                        "/api/v1/commitments/" + truce + "/violations",
                        report(null),
                        "Idempotency-Key",
                        "refused-by-the-store");
        assertThat(refused.status()).as(refused.text()).isEqualTo(503);
        assertThat(refused.json().get("type").asText()).isEqualTo("urn:problem:negotiation-ledger:storage-unavailable");
        assertThat(events(truce))
                .as("events of a command whose key could not be kept")
                .hasSize((int) before);
        // and a retry, once the store takes keys again, records it once
        sql("DROP TRIGGER refuse_key ON " + schema + ".idempotency_record");
        Http.Response retried = two.http()
                .post(
                        "/api/v1/commitments/" + truce + "/violations",
                        report(null),
                        "Idempotency-Key",
                        "refused-by-the-store");
        assertThat(retried.status()).as(retried.text()).isEqualTo(201);
        assertThat(events(truce)).hasSize((int) before + 1);
    }

    @Test
    void anImportBatchIsCommittedWithItsMarkOrNeitherAndAStoreThatFailsIsA503() throws Exception {
        String truce = truce();
        long before = events(truce).size();
        String schema = database.properties().get("spring.flyway.schemas");
        String id = "import-" + SEQUENCE.incrementAndGet();
        sql("CREATE FUNCTION " + schema + ".refuse_batch() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN "
                + "IF NEW.import_id = '" + id + "' THEN RAISE EXCEPTION 'no space left' USING ERRCODE = '53100'; "
                + "END IF; RETURN NEW; END $$");
        sql("CREATE TRIGGER refuse_batch BEFORE INSERT ON " + schema + ".import_batch "
                + "FOR EACH ROW EXECUTE FUNCTION " + schema + ".refuse_batch()");
        String lines = """
                {"path": "/api/v1/commitments/%s/violations", "body": %s}
                {"path": "/api/v1/commitments/%s/violations", "body": %s}
                """.formatted(truce, report("imported-1"), truce, report("imported-2"));
        try {
            Http.Response refused =
                    one.http().post("/api/v1/imports?id=" + id, lines, "Content-Type", "application/x-ndjson");
            assertThat(refused.status()).as(refused.text()).isEqualTo(503);
            assertThat(refused.json().get("type").asText())
                    .isEqualTo("urn:problem:negotiation-ledger:storage-unavailable");
            assertThat(refused.header("Retry-After"))
                    .as("when to post the import again")
                    .matches("[1-9][0-9]*");
            assertThat(events(truce))
                    .as("events of a batch whose mark could not be kept")
                    .hasSize((int) before);
        } finally {
            sql("DROP TRIGGER refuse_batch ON " + schema + ".import_batch");
        }
        Http.Response done = two.http().post("/api/v1/imports?id=" + id, lines, "Content-Type", "application/x-ndjson");
        assertThat(done.status()).as(done.text()).isEqualTo(200);
        assertThat(done.json().get("recorded").asInt()).isEqualTo(2);
        assertThat(events(truce)).hasSize((int) before + 2);
    }

    /** Runs {@link #CLIENTS_PER_SERVER} clients on each server, each {@link #WRITES_PER_CLIENT} writes, at once. */
    private static List<String> race(Write write) throws Exception {
        int clients = 2 * CLIENTS_PER_SERVER;
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<List<String>>> results = new ArrayList<>();
        try {
            for (int client = 0; client < clients; client++) {
                int c = client;
                results.add(pool.submit(() -> {
                    start.await();
                    List<String> ids = new ArrayList<>();
                    for (int w = 0; w < WRITES_PER_CLIENT; w++) {
                        ids.add(write.run(c + clients * w));
                    }
                    return ids;
                }));
            }
            start.countDown();
            List<String> all = new ArrayList<>();
            for (Future<List<String>> result : results) {
                all.addAll(result.get());
            }
            return all;
        } finally {
            pool.shutdownNow();
        }
    }

    /** A write of the race: {@code index} is unique, and even indexes go to server 1, odd ones to server 2. */
    private interface Write {
        String run(int index) throws Exception;
    }

    private static Http server(int index) {
        return index % 2 == 0 ? one.http() : two.http();
    }

    private static String truce() {
        String id = "raced-" + SEQUENCE.incrementAndGet();
        SmallWorld.truce(one.http(), id);
        return id;
    }

    private static String report(String id) {
        return """
                {%s"reportedBy": "armenia", "accused": "azerbaijan", "occurredAt": "2020-10-10T12:05+04:00"}""".formatted(id == null ? "" : "\"id\": \"" + id + "\", ");
    }

    private static List<JsonNode> events(String truce) {
        List<JsonNode> events = new ArrayList<>();
        one.http()
                .get("/api/v1/audit/events?limit=10000&aggregateId=" + truce)
                .json()
                .forEach(events::add);
        return events;
    }

    /**
     * Of the race's answers (a report's id, or null for a conflict): at least one writer succeeded, and the
     * record holds exactly the acknowledged reports, once each, in a dense sequence.
     */
    private static void assertEachAcknowledgedWriteRecordedOnce(String truce, List<String> answered) {
        List<String> succeeded = answered.stream().filter(id -> id != null).toList();
        assertThat(succeeded).as("writers that succeeded").isNotEmpty();
        List<JsonNode> events = events(truce);
        assertDense(events);
        assertThat(reportIds(events)).as("reports recorded").containsExactlyInAnyOrderElementsOf(succeeded);
    }

    private static void assertDense(List<JsonNode> events) {
        for (int i = 0; i < events.size(); i++) {
            assertThat(events.get(i).get("sequence").asLong())
                    .as("the record's sequence")
                    .isEqualTo(i);
        }
    }

    private static List<String> reportIds(List<JsonNode> events) {
        List<String> ids = new ArrayList<>();
        Set<String> unique = new HashSet<>();
        for (JsonNode event : events) {
            if (event.get("type").asText().equals("ViolationReported")) {
                String id = event.get("payload").get("violationId").asText();
                ids.add(id);
                assertThat(unique.add(id)).as("report %s recorded once", id).isTrue();
            }
        }
        return ids;
    }
}

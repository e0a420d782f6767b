package org.negotiationledger.api.command;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.negotiationledger.api.ApiTest;
import org.negotiationledger.api.Http;
import org.negotiationledger.api.TestUsers;

/** Each command endpoint of the contract, over real HTTP: 201, Location, {id, version}, and what it recorded. */
class CommandEndpointsTest extends ApiTest {

    @Test
    void registeringAnActorAnswersCreatedWithLocationIdAndVersion() {
        String id = unique("armenia");
        Http.Response response = created(http.post("/api/v1/actors", """
                {"id": "%s", "name": "Republic of Armenia", "kind": "STATE"}""".formatted(id)));
        assertThat(response.location()).isEqualTo("/api/v1/actors/" + id);
        assertThat(response.json().get("id").asText()).isEqualTo(id);
        assertThat(response.json().get("version").asLong()).isZero();
    }

    @Test
    void everyCommandIsRecordedAsAnEventWithItsVersion() {
        World w = world();
        String talks = unique("talks");
        Http.Response talksResponse = created(http.post(
                "/api/v1/negotiations/" + w.negotiation() + "/talks", """
                {"id": "%s", "venue": "Geneva", "startedAt": "2020-10-30T10:00+01:00[Europe/Zurich]",
                 "endedAt": "2020-10-30T23:00+01:00", "endedAtPrecision": "HOUR",
                 "participants": [{"actor": "%s", "role": "PARTY"}, {"actor": "%s", "role": "MEDIATOR"}],
                 "outcome": "a pledge"}""".formatted(talks, w.a(), w.mediator())));
        assertThat(talksResponse.location()).isEqualTo("/api/v1/negotiations/" + w.negotiation() + "/talks/" + talks);
        assertThat(talksResponse.json().get("version").asLong()).isEqualTo(1);

        Http.Response report = created(http.post(
                "/api/v1/commitments/" + w.truce() + "/violations",
                violation("v1", w.a(), w.b(), "2020-10-10T12:05+04:00")));
        assertThat(report.location()).isEqualTo("/api/v1/commitments/" + w.truce() + "/violations/v1");
        assertThat(report.json().get("version").asLong()).isEqualTo(1);

        Http.Response assessment = created(http.post(
                "/api/v1/commitments/" + w.truce() + "/violations/v1/assessment", """
                {"outcome": "ATTRIBUTED", "attributedTo": "%s", "assessedBy": "%s",
                 "assessedAt": "2020-10-12T10:00+04:00", "note": "crater analysis"}""".formatted(w.b(), w.observer())));
        assertThat(assessment.json().get("version").asLong()).isEqualTo(2);

        created(http.post(
                "/api/v1/commitments/" + w.truce() + "/violations",
                violation("v2", w.b(), w.a(), "2020-10-10T13:00+04:00")));
        Http.Response retraction = created(
                http.post("/api/v1/commitments/" + w.truce() + "/violations/v2/retraction", """
                {"retractedBy": "%s", "reason": "misidentified unit", "expectedVersion": 3}""".formatted(w.b())));
        assertThat(retraction.json().get("version").asLong()).isEqualTo(4);

        String pledge = unique("pledge");
        created(http.post("/api/v1/pledges", """
                {"id": "%s", "negotiationId": "%s", "kind": "CIVILIAN_PROTECTION", "title": "Spare civilians",
                 "parties": ["%s", "%s"], "madeAt": "2020-10-30T23:00+01:00", "madeAtPrecision": "HOUR",
                 "effectiveFrom": "2020-10-30T23:00+01:00", "terms": ["no attacks on civilians"]}""".formatted(pledge, w.negotiation(), w.a(), w.b())));
        String statement = unique("statement");
        created(http.post("/api/v1/statements", """
                {"id": "%s", "author": "%s", "deliveredBy": "Spokesperson", "issuedAt": "2020-10-31T00:00-04:00",
                 "issuedAtPrecision": "DAY", "kinds": ["CONCERN", "CALL"], "text": "deeply concerned",
                 "concerns": ["%s", "%s"]}""".formatted(statement, w.mediator(), w.negotiation(), pledge)));
        Http.Response end = created(http.post("/api/v1/commitments/" + w.truce() + "/end", """
                {"reason": "COLLAPSED", "endedAt": "2020-10-11T00:00+04:00", "note": "fighting resumed"}"""));
        assertThat(end.location()).isEqualTo("/api/v1/commitments/" + w.truce());
        assertThat(end.json().get("version").asLong()).isEqualTo(5);

        List<String> types =
                types(http.get("/api/v1/audit/events?aggregateId=" + w.truce()).json());
        assertThat(types)
                .containsExactly(
                        "TruceAgreed",
                        "ViolationReported",
                        "ViolationAssessed",
                        "ViolationReported",
                        "ViolationReportRetracted",
                        "CommitmentEnded");
    }

    @Test
    void theLedgerAssignsAnIdWhenTheClientGivesNone() {
        World w = world();
        Http.Response response =
                created(http.post("/api/v1/commitments/" + w.truce() + "/violations", """
                {"reportedBy": "%s", "accused": "unknown", "occurredAt": "2020-10-10T12:30+04:00"}""".formatted(w.a())));
        String id = response.json().get("id").asText();
        assertThat(id).matches("[a-z0-9][a-z0-9-]{0,99}");
        assertThat(response.location()).endsWith("/violations/" + id);
    }

    @Test
    void storedEventKeepsTheStatedTimeItsUtcInstantAndPrecision() {
        World w = world();
        JsonNode truce =
                http.get("/api/v1/audit/events?aggregateId=" + w.truce()).json().get(0);
        JsonNode agreedAt = truce.get("payload").get("agreedAt");
        assertThat(agreedAt.get("local").asText()).isEqualTo("2020-10-10T03:00:00");
        assertThat(agreedAt.get("offset").asText()).isEqualTo("+03:00");
        assertThat(agreedAt.get("zone").asText()).isEqualTo("Europe/Moscow");
        assertThat(agreedAt.get("utc").asText()).isEqualTo("2020-10-10T00:00:00Z");
        assertThat(agreedAt.get("precision").asText()).isEqualTo("HOUR");
        assertThat(truce.get("principal").asText()).isEqualTo(TestUsers.TESTER);
        assertThat(truce.get("aggregateType").asText()).isEqualTo("commitment");
        assertThat(truce.get("recordedAt").asText()).endsWith("Z");
    }

    @Test
    void aTruceThatSupersedesEndsTheEarlierOnesWhenItTakesEffect() {
        World w = world();
        String trilateral = unique("trilateral");
        created(http.post("/api/v1/truces", """
                {"id": "%s", "negotiationId": "%s", "kind": "CEASEFIRE", "title": "Trilateral",
                 "parties": ["%s", "%s"], "agreedAt": "2020-11-10T00:00+03:00", "effectiveFrom": "2020-11-10T01:00+04:00",
                 "supersedes": ["%s"]}""".formatted(trilateral, w.negotiation(), w.a(), w.b(), w.truce())));

        assertThat(types(http.get("/api/v1/audit/events?aggregateId=" + w.truce())
                        .json()))
                .containsExactly("TruceAgreed", "CommitmentSuperseded");
        Http.Response after = http.post(
                "/api/v1/commitments/" + w.truce() + "/violations",
                violation("late", w.a(), w.b(), "2020-11-10T02:00+04:00"));
        assertThat(after.status()).isEqualTo(422);
        assertThat(after.json().get("detail").asText()).contains("SUPERSEDED");
        created(http.post(
                "/api/v1/commitments/" + w.truce() + "/violations",
                violation("before", w.a(), w.b(), "2020-11-09T20:00+04:00")));
    }

    @Test
    void aTruceThatSupersedesAnUnknownCommitmentRecordsNothingAnywhere() {
        World w = world();
        long before = eventCount();
        Http.Response response = http.post("/api/v1/truces", """
                {"negotiationId": "%s", "kind": "CEASEFIRE", "title": "Trilateral", "parties": ["%s", "%s"],
                 "agreedAt": "2020-11-10T00:00+03:00", "effectiveFrom": "2020-11-10T01:00+04:00",
                 "supersedes": ["%s", "no-such-truce"]}""".formatted(w.negotiation(), w.a(), w.b(), w.truce()));
        assertThat(response.status()).isEqualTo(422);
        assertThat(response.json().get("errors").get(0).get("field").asText()).isEqualTo("supersedes");
        assertThat(eventCount()).isEqualTo(before);
    }

    @Test
    void sameIdempotencyKeyAndBodyReturnsTheFirstAnswerAndRecordsNothingNew() {
        String id = unique("france");
        String body = """
                {"id": "%s", "name": "French Republic", "kind": "STATE"}""".formatted(id);
        String key = unique("key");
        Http.Response first = created(http.post("/api/v1/actors", body, "Idempotency-Key", key));
        long after = eventCount();
        Http.Response again = created(http.post("/api/v1/actors", body, "Idempotency-Key", key));
        assertThat(again.json()).isEqualTo(first.json());
        assertThat(again.location()).isEqualTo(first.location());
        assertThat(eventCount()).isEqualTo(after);
    }

    @Test
    void aRetryOfARequestWithoutAnIdAnswersTheIdFirstAssignedAndRecordsNothing() {
        World w = world();
        // Every create endpoint, each without an id: the ledger assigns one, and a retry must find that answer.
        List<String[]> creates = List.of(
                new String[] {"/api/v1/actors", """
                        {"name": "Organization for Security and Co-operation in Europe", "kind": "INTERNATIONAL_ORGANIZATION"}"""},
                new String[] {"/api/v1/negotiations", """
                        {"title": "Talks", "parties": ["%s", "%s"], "mediators": []}""".formatted(w.a(), w.b())},
                new String[] {"/api/v1/negotiations/" + w.negotiation() + "/talks", """
                        {"venue": "Geneva", "startedAt": "2020-10-30T10:00+01:00",
                         "participants": [{"actor": "%s", "role": "PARTY"}]}""".formatted(w.a())},
                new String[] {"/api/v1/truces", """
                        {"negotiationId": "%s", "kind": "CEASEFIRE", "title": "Another truce", "parties": ["%s", "%s"],
                         "agreedAt": "2020-10-11T03:00+03:00", "effectiveFrom": "2020-10-11T12:00+04:00"}""".formatted(w.negotiation(), w.a(), w.b())},
                new String[] {"/api/v1/pledges", """
                        {"negotiationId": "%s", "kind": "OTHER", "title": "A pledge", "parties": ["%s"],
                         "madeAt": "2020-10-30T23:00+01:00", "effectiveFrom": "2020-10-30T23:00+01:00"}""".formatted(w.negotiation(), w.a())},
                new String[] {"/api/v1/statements", """
                        {"author": "%s", "issuedAt": "2020-10-31T00:00-04:00", "kinds": ["CALL"], "text": "Stop."}""".formatted(w.mediator())},
                new String[] {"/api/v1/commitments/" + w.truce() + "/violations", """
                        {"reportedBy": "%s", "accused": "%s", "occurredAt": "2020-10-10T12:05+04:00",
                         "location": {"name": "near Karakhanbeyli", "latitude": 39.6, "longitude": 47.0},
                         "description": "assault", "casualties": {"killed": 0, "injured": 2}, "source": "MoD"}""".formatted(w.a(), w.b())});
        for (String[] create : creates) {
            String key = unique("key");
            Http.Response first = created(http.post(create[0], create[1], "Idempotency-Key", key));
            long after = eventCount();
            Http.Response again = http.post(create[0], create[1], "Idempotency-Key", key);
            assertThat(again.status()).as("retry of %s: %s", create[0], again).isEqualTo(201);
            assertThat(again.json()).as(create[0]).isEqualTo(first.json());
            assertThat(again.location()).as(create[0]).isEqualTo(first.location());
            assertThat(eventCount()).as(create[0]).isEqualTo(after);
        }
    }

    @Test
    void anActorWithoutAnIdIsAssignedOne() {
        Http.Response response = created(http.post("/api/v1/actors", """
                {"name": "International Committee of the Red Cross", "kind": "INTERNATIONAL_ORGANIZATION"}"""));
        String id = response.json().get("id").asText();
        assertThat(id).matches("[a-z0-9][a-z0-9-]{0,99}");
        assertThat(response.location()).isEqualTo("/api/v1/actors/" + id);
        assertThat(http.get(response.location()).json().get("name").asText())
                .isEqualTo("International Committee of the Red Cross");
    }

    @Test
    void theSameKeyOnAnotherPathIsAnotherRequest() {
        World w = world();
        String body = """
                {"reportedBy": "%s", "accused": "%s", "occurredAt": "2020-10-10T12:05+04:00"}""".formatted(w.a(), w.b());
        String key = unique("key");
        created(http.post("/api/v1/commitments/" + w.truce() + "/violations", body, "Idempotency-Key", key));
        String other = unique("truce");
        created(http.post("/api/v1/truces", truce(other, w.negotiation(), w.a(), w.b(), w.mediator(), "")));
        long before = eventCount();
        Http.Response elsewhere =
                http.post("/api/v1/commitments/" + other + "/violations", body, "Idempotency-Key", key);
        assertThat(elsewhere.status()).as(elsewhere.text()).isEqualTo(422);
        assertThat(elsewhere.json().get("type").asText())
                .isEqualTo("urn:problem:negotiation-ledger:idempotency-key-reused");
        assertThat(eventCount()).isEqualTo(before);
    }

    @Test
    void idempotencyKeyProtectsNonCreatingCommandsFromRecordingTwice() {
        World w = world();
        String body = violation("retried", w.a(), w.b(), "2020-10-10T12:05+04:00");
        String key = unique("key");
        created(http.post("/api/v1/commitments/" + w.truce() + "/violations", body, "Idempotency-Key", key));
        long after = eventCount();
        Http.Response again =
                created(http.post("/api/v1/commitments/" + w.truce() + "/violations", body, "Idempotency-Key", key));
        assertThat(again.json().get("version").asLong()).isEqualTo(1);
        assertThat(eventCount()).isEqualTo(after);
    }

    @Test
    void concurrentRetriesWithOneIdempotencyKeyRecordOnceAndAllGetTheFirstAnswer() throws Exception {
        World w = world();
        String body = violation("raced", w.a(), w.b(), "2020-10-10T12:05+04:00");
        String key = unique("key");
        long before = eventCount();
        ExecutorService pool = Executors.newFixedThreadPool(6);
        List<Future<Http.Response>> answers = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            answers.add(pool.submit(
                    () -> http.post("/api/v1/commitments/" + w.truce() + "/violations", body, "Idempotency-Key", key)));
        }
        pool.shutdown();
        for (Future<Http.Response> answer : answers) {
            Http.Response response = answer.get();
            assertThat(response.status()).as(response.text()).isEqualTo(201);
            assertThat(response.json().get("version").asLong()).isEqualTo(1);
        }
        assertThat(eventCount()).isEqualTo(before + 1);
    }

    @Test
    void recordsOfDifferentKindsMayShareAnId() {
        World w = world();
        String shared = unique("geneva");
        created(http.post("/api/v1/negotiations", """
                {"id": "%s", "title": "Geneva track", "parties": ["%s", "%s"], "mediators": []}""".formatted(shared, w.a(), w.b())));
        created(http.post("/api/v1/pledges", """
                {"id": "%s", "negotiationId": "%s", "kind": "OTHER", "title": "Geneva pledge", "parties": ["%s"],
                 "madeAt": "2020-10-30T23:00+01:00", "effectiveFrom": "2020-10-30T23:00+01:00"}""".formatted(shared, shared, w.a())));
        JsonNode events = http.get("/api/v1/audit/events?aggregateId=" + shared).json();
        assertThat(StreamSupport.stream(events.spliterator(), false)
                        .map(e -> e.get("aggregateType").asText()))
                .containsExactly("negotiation", "commitment");
    }

    @Test
    void auditHistoryIsInGlobalOrderAndPagesFromAnIndex() {
        world();
        JsonNode page = http.get("/api/v1/audit/events?limit=3").json();
        assertThat(page).hasSize(3);
        long last = page.get(2).get("globalIndex").asLong();
        JsonNode next =
                http.get("/api/v1/audit/events?limit=2&fromIndex=" + (last + 1)).json();
        assertThat(next.get(0).get("globalIndex").asLong()).isEqualTo(last + 1);
        assertThat(next.get(1).get("globalIndex").asLong()).isEqualTo(last + 2);
    }

    @Test
    void auditHistoryExportsAsNdjsonOneEventPerLine() {
        World w = world();
        Http.Response export = http.get("/api/v1/audit/events?aggregateId=" + w.a(), "Accept", "application/x-ndjson");
        assertThat(export.status()).isEqualTo(200);
        assertThat(export.contentType()).startsWith("application/x-ndjson");
        String[] lines = export.text().strip().split("\n");
        assertThat(lines).hasSize(1);
        assertThat(lines[0])
                .contains("\"type\":\"ActorRegistered\"")
                .contains("\"principal\":\"" + TestUsers.TESTER + "\"");
    }

    @Test
    void auditHistoryAsOfARecordTimeShowsOnlyWhatWasRecordedByThen() {
        World w = world();
        Http.Response none = http.get("/api/v1/audit/events?aggregateId=" + w.truce() + "&asOf=2020-01-01T00:00Z");
        assertThat(none.json()).isEmpty();
        // later events on the same record, until one was recorded in a later millisecond than the truce
        String agreedAt = http.get("/api/v1/audit/events?aggregateId=" + w.truce())
                .json()
                .get(0)
                .get("recordedAt")
                .asText();
        JsonNode all;
        int reports = 0;
        do {
            created(http.post(
                    "/api/v1/commitments/" + w.truce() + "/violations",
                    violation("later-" + reports++, w.a(), w.b(), "2020-10-10T12:05+04:00")));
            all = http.get("/api/v1/audit/events?aggregateId=" + w.truce()).json();
        } while (all.get(all.size() - 1).get("recordedAt").asText().equals(agreedAt) && reports < 50);
        Instant last = Instant.parse(all.get(all.size() - 1).get("recordedAt").asText());
        assertThat(last).isAfter(Instant.parse(agreedAt));

        for (String cut : List.of(agreedAt, last.minusMillis(1).toString(), last.toString())) {
            List<Long> expected = StreamSupport.stream(all.spliterator(), false)
                    .filter(e -> !Instant.parse(e.get("recordedAt").asText()).isAfter(Instant.parse(cut)))
                    .map(e -> e.get("sequence").asLong())
                    .toList();
            List<Long> answered = StreamSupport.stream(
                            http.get("/api/v1/audit/events?aggregateId=" + w.truce() + "&asOf=" + cut)
                                    .json()
                                    .spliterator(),
                            false)
                    .map(e -> e.get("sequence").asLong())
                    .toList();
            assertThat(answered).as("events as of %s", cut).isEqualTo(expected);
        }
        assertThat(StreamSupport.stream(
                                http.get("/api/v1/audit/events?aggregateId=" + w.truce() + "&asOf=" + agreedAt)
                                        .json()
                                        .spliterator(),
                                false)
                        .map(e -> e.get("type").asText()))
                .as("as of the truce's record time: the truce, not the reports recorded after it")
                .contains("TruceAgreed")
                .doesNotContain("ViolationReported");
    }

    private static List<String> types(JsonNode events) {
        return StreamSupport.stream(events.spliterator(), false)
                .map(e -> e.get("type").asText())
                .toList();
    }
}

package org.negotiationledger.api.problem;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.negotiationledger.api.ApiTest;
import org.negotiationledger.api.Http;

/**
 * Every class of bad input gets a problem+json answer with the right status, names the field at fault where
 * there is one, shows nothing of the server's internals, and records no event.
 */
class BadInputTest extends ApiTest {

    /** Posts, then checks the answer is the given problem and that the ledger recorded nothing. */
    private JsonNode refused(String path, String body, int status, String field, String... headers) {
        long before = eventCount();
        Http.Response response = http.post(path, body, headers);
        assertThat(response.status()).as(response.text()).isEqualTo(status);
        assertThat(response.contentType()).startsWith("application/problem+json");
        JsonNode problem = response.json();
        assertThat(problem.get("status").asInt()).isEqualTo(status);
        assertThat(problem.get("type").asText()).startsWith("urn:problem:negotiation-ledger:");
        assertThat(problem.get("title").asText()).isNotBlank();
        assertThat(problem.get("detail").asText()).isNotBlank();
        assertThat(response.text()).doesNotContain("Exception", "\tat ", "org.", "SQL");
        if (field != null) {
            assertThat(StreamSupport.stream(problem.get("errors").spliterator(), false)
                            .map(e -> e.get("field").asText()))
                    .contains(field);
        }
        assertThat(eventCount()).as("events recorded by a refused command").isEqualTo(before);
        return problem;
    }

    @Test
    void malformedJsonIsBadRequest() {
        World w = world();
        refused("/api/v1/commitments/" + w.truce() + "/violations", "{\"reportedBy\": \"x\",", 400, null);
        refused("/api/v1/actors", "", 400, null);
        refused("/api/v1/actors", "[1, 2]", 400, null);
    }

    @Test
    void unknownFieldIsBadRequestNamingTheField() {
        JsonNode problem = refused("/api/v1/actors", """
                {"id": "%s", "name": "A", "kind": "STATE", "nmae": "typo"}""".formatted(unique("a")), 400, "nmae");
        assertThat(problem.get("detail").asText()).contains("nmae");
    }

    @Test
    void unknownFieldInANestedObjectIsBadRequest() {
        World w = world();
        refused(
                "/api/v1/commitments/" + w.truce() + "/violations",
                """
                {"reportedBy": "%s", "accused": "%s", "occurredAt": "2020-10-10T12:05+04:00",
                 "casualties": {"killed": 1, "wounded": 2}}""".formatted(w.a(), w.b()),
                400,
                "casualties.wounded");
    }

    @Test
    void missingRequiredFieldIsBadRequestNamingTheField() {
        World w = world();
        refused("/api/v1/truces", """
                {"negotiationId": "%s", "kind": "CEASEFIRE", "title": "t", "parties": ["%s", "%s"],
                 "agreedAt": "2020-10-10T03:00+03:00"}""".formatted(w.negotiation(), w.a(), w.b()), 400, "effectiveFrom");
        refused("/api/v1/actors", """
                {"id": "%s", "kind": "STATE"}""".formatted(unique("a")), 400, "name");
    }

    @Test
    void timeWithoutOffsetIsBadRequestNamingTheField() {
        World w = world();
        JsonNode problem = refused(
                "/api/v1/commitments/" + w.truce() + "/violations", """
                {"reportedBy": "%s", "accused": "%s", "occurredAt": "2020-10-10T12:05"}""".formatted(w.a(), w.b()), 400, "occurredAt");
        assertThat(problem.get("errors").get(0).get("message").asText()).contains("offset");
        refused("/api/v1/commitments/" + w.truce() + "/violations", """
                {"reportedBy": "%s", "accused": "%s", "occurredAt": "2020-10-10T12:05[Asia/Baku]"}""".formatted(w.a(), w.b()), 400, "occurredAt");
        refused("/api/v1/commitments/" + w.truce() + "/violations", """
                {"reportedBy": "%s", "accused": "%s", "occurredAt": "yesterday at noon"}""".formatted(w.a(), w.b()), 400, "occurredAt");
    }

    @Test
    void wrongJsonTypesAndValuesAreBadRequestNamingTheField() {
        World w = world();
        refused("/api/v1/actors", """
                {"id": "%s", "name": "A", "kind": "PLANET"}""".formatted(unique("a")), 400, "kind");
        refused("/api/v1/actors", """
                {"id": "%s", "name": 42, "kind": "STATE"}""".formatted(unique("a")), 400, "name");
        refused("/api/v1/actors", """
                {"id": "Not A Slug!", "name": "A", "kind": "STATE"}""", 400, "id");
        refused("/api/v1/negotiations", """
                {"title": "t", "parties": "armenia", "mediators": []}""", 400, "parties");
        refused(
                "/api/v1/commitments/" + w.truce() + "/violations",
                """
                {"reportedBy": "%s", "accused": "%s", "occurredAt": "2020-10-10T12:05+04:00",
                 "occurredAtPrecision": "SECOND"}""".formatted(w.a(), w.b()),
                400,
                "occurredAtPrecision");
        refused(
                "/api/v1/commitments/" + w.truce() + "/violations",
                """
                {"reportedBy": "%s", "accused": "%s", "occurredAt": "2020-10-10T12:05+04:00",
                 "casualties": {"killed": -3}}""".formatted(w.a(), w.b()),
                400,
                "casualties.killed");
        refused("/api/v1/commitments/" + w.truce() + "/end", """
                {"reason": "COLLAPSED", "endedAt": "2020-10-11T00:00+04:00", "expectedVersion": 1.5}""", 400, "expectedVersion");
    }

    /** The fields an answer names, in its order. */
    private static List<String> fields(JsonNode problem) {
        return StreamSupport.stream(problem.get("errors").spliterator(), false)
                .map(e -> e.get("field").asText())
                .toList();
    }

    @Test
    void everyInvalidFieldOfABodyIsNamedInOneAnswer() {
        // a pattern, a blank name and an unknown enum value: a violation of a constraint and a value that does not bind
        JsonNode actor = refused("/api/v1/actors", """
                {"id": "Not An Id", "name": "", "kind": "PLANET"}""", 400, null);
        assertThat(actor.get("type").asText()).endsWith(":invalid-field");
        assertThat(fields(actor)).containsExactly("id", "kind", "name");
        assertThat(actor.get("detail").asText()).contains("id", "kind", "name");
        assertThat(actor.get("errors").findValuesAsText("message"))
                .allSatisfy(m -> assertThat(m).isNotBlank());
        // unknown fields beside a missing one
        assertThat(fields(refused("/api/v1/actors", """
                        {"id": "%s", "nmae": "typo", "kind": "STATE", "extra": 1}""".formatted(unique("a")), 400, null)))
                .containsExactly("extra", "name", "nmae");
    }

    @Test
    void severalWrongTypesAndNestedFieldsAreNamedTogether() {
        World w = world();
        JsonNode report = refused("/api/v1/commitments/" + w.truce() + "/violations", """
                {"reportedBy": 42, "accused": true, "occurredAt": "2020-10-10T12:05",
                 "location": {"name": "Hadrut", "latitude": "north", "longitude": 47.0},
                 "casualties": {"killed": "many", "injured": -1}}""", 400, null);
        assertThat(fields(report))
                .containsExactly(
                        "accused",
                        "casualties.injured",
                        "casualties.killed",
                        "location.latitude",
                        "occurredAt",
                        "reportedBy");
        // elements of a list, each by its index; a failed element is not also reported as missing
        assertThat(fields(refused("/api/v1/negotiations", """
                        {"title": " ", "parties": ["%s", 7, "Bad Id"], "mediators": "x"}""".formatted(w.a()), 400, null)))
                .containsExactly("mediators", "parties[1]", "parties[2]", "title");
        assertThat(fields(
                        refused("/api/v1/negotiations/" + w.negotiation() + "/talks", """
                        {"venue": "Geneva", "startedAt": "2020-10-30T10:00+01:00",
                         "participants": [{"actor": "%s", "role": "PARTY"}, {"actor": "Bad", "role": "KING"}]}""".formatted(w.a()), 400, null)))
                .containsExactly("participants[1].actor", "participants[1].role");
    }

    @Test
    void unknownActorIsUnprocessableNamingTheField() {
        World w = world();
        JsonNode problem =
                refused("/api/v1/commitments/" + w.truce() + "/violations", """
                {"reportedBy": "atlantis", "accused": "%s", "occurredAt": "2020-10-10T12:05+04:00"}""".formatted(w.b()), 422, "reportedBy");
        assertThat(problem.get("detail").asText()).contains("unknown actor 'atlantis'");
        refused("/api/v1/negotiations", """
                {"title": "t", "parties": ["%s", "atlantis"], "mediators": []}""".formatted(w.a()), 422, "parties");
        // an accused may be an actor that is not a party, but one that is registered
        JsonNode accused = refused(
                "/api/v1/commitments/" + w.truce() + "/violations",
                violation("atlantis-accused", w.a(), "atlantis", "2020-10-10T12:05+04:00"),
                422,
                "accused");
        assertThat(accused.get("type").asText()).endsWith("unknown-reference");
        assertThat(accused.get("detail").asText()).contains("unknown actor 'atlantis'");
    }

    @Test
    void unknownReferencedRecordIsUnprocessable() {
        World w = world();
        refused(
                "/api/v1/truces",
                truce(unique("t"), "no-such-negotiation", w.a(), w.b(), w.mediator(), ""),
                422,
                "negotiationId");
        refused(
                "/api/v1/truces",
                truce(unique("t"), w.negotiation(), w.a(), w.b(), w.mediator(), ", \"renews\": \"no-such-truce\""),
                422,
                "renews");
    }

    @Test
    void unknownAddressedRecordIsNotFound() {
        World w = world();
        refused(
                "/api/v1/commitments/no-such-truce/violations",
                violation("v", w.a(), w.b(), "2020-10-10T12:05+04:00"),
                404,
                null);
        refused(
                "/api/v1/commitments/" + w.truce() + "/violations/no-such-report/assessment",
                """
                {"outcome": "CONFIRMED", "assessedBy": "%s", "assessedAt": "2020-10-12T10:00+04:00"}""".formatted(w.observer()),
                404,
                null);
        refused(
                "/api/v1/commitments/" + w.truce() + "/violations/no-such-report/retraction",
                """
                {"retractedBy": "%s", "reason": "r"}""".formatted(w.a()),
                404,
                null);
        refused("/api/v1/negotiations/no-such-negotiation/talks", """
                {"venue": "Geneva", "startedAt": "2020-10-30T10:00+01:00", "participants": [{"actor": "%s", "role": "PARTY"}]}""".formatted(w.a()), 404, null);
    }

    @Test
    void brokenRuleIsUnprocessableNamingTheField() {
        World w = world();
        JsonNode early = refused(
                "/api/v1/commitments/" + w.truce() + "/violations",
                violation("early", w.a(), w.b(), "2020-10-10T11:55+04:00"),
                422,
                "occurredAt");
        assertThat(early.get("detail").asText()).contains("cannot precede");
        JsonNode self = refused(
                "/api/v1/commitments/" + w.truce() + "/violations",
                violation("self-accused", w.a(), w.a(), "2020-10-10T12:05+04:00"),
                422,
                "accused");
        assertThat(self.get("detail").asText()).contains("cannot accuse itself");
        refused(
                "/api/v1/commitments/" + w.truce() + "/violations",
                violation("future", w.a(), w.b(), "2150-01-01T00:00+00:00"),
                422,
                "occurredAt");
        refused("/api/v1/truces", """
                {"negotiationId": "%s", "kind": "CEASEFIRE", "title": "t", "parties": ["%s", "%s"],
                 "agreedAt": "2020-10-10T03:00+03:00", "effectiveFrom": "2020-10-10T12:00+04:00"}""".formatted(w.negotiation(), w.a(), w.a()), 422, "parties");
    }

    @Test
    void anAnnouncementWithoutOffsetOrInTheFutureIsRefusedNamingAnnouncedAt() {
        World w = world();
        String truce = """
                {"negotiationId": "%s", "kind": "CEASEFIRE", "title": "t", "parties": ["%s", "%s"],
                 "agreedAt": "2020-10-10T03:00+03:00", "effectiveFrom": "2020-10-10T12:00+04:00",
                 "announcedAt": "%s"}""";
        refused(
                "/api/v1/truces",
                truce.formatted(w.negotiation(), w.a(), w.b(), "2020-10-09T21:00"),
                400,
                "announcedAt");
        JsonNode future = refused(
                "/api/v1/truces",
                truce.formatted(w.negotiation(), w.a(), w.b(), "2150-01-01T00:00Z"),
                422,
                "announcedAt");
        assertThat(future.get("detail").asText()).contains("an announcement cannot be in the future");
        refused("/api/v1/pledges", """
                {"negotiationId": "%s", "kind": "CIVILIAN_PROTECTION", "title": "p", "parties": ["%s"],
                 "madeAt": "2020-10-30T23:00+01:00", "effectiveFrom": "2020-10-30T23:00+01:00",
                 "announcedAt": "2150-01-01T00:00Z"}""".formatted(w.negotiation(), w.a()), 422, "announcedAt");
    }

    @Test
    void aRangeThatEndsBeforeItBeginsIsRefusedNamingOccurredUntil() {
        World w = world();
        String path = "/api/v1/commitments/" + w.truce() + "/violations";
        JsonNode backwards = refused(path, """
                {"reportedBy": "%s", "accused": "%s", "occurredAt": "2020-10-10T13:00+04:00",
                 "occurredUntil": "2020-10-10T12:30+04:00"}""".formatted(w.a(), w.b()), 422, "occurredUntil");
        assertThat(backwards.get("detail").asText()).contains("a range cannot end");
        refused(path, """
                {"reportedBy": "%s", "accused": "%s", "occurredAt": "2020-10-10T13:00+04:00",
                 "occurredUntil": "2020-10-10T14:00"}""".formatted(w.a(), w.b()), 400, "occurredUntil");
    }

    @Test
    void staleExpectedVersionIsConflict() {
        World w = world();
        created(http.post(
                "/api/v1/commitments/" + w.truce() + "/violations",
                violation("v1", w.a(), w.b(), "2020-10-10T12:05+04:00")));
        refused("/api/v1/commitments/" + w.truce() + "/end", """
                {"reason": "COLLAPSED", "endedAt": "2020-10-11T00:00+04:00", "expectedVersion": 0}""", 409, "expectedVersion");
    }

    @Test
    void reusedIdIsConflict() {
        World w = world();
        JsonNode problem = refused("/api/v1/actors", """
                {"id": "%s", "name": "again", "kind": "STATE"}""".formatted(w.a()), 409, "id");
        assertThat(problem.get("detail").asText()).contains("already exists");
        refused("/api/v1/truces", truce(w.truce(), w.negotiation(), w.a(), w.b(), w.mediator(), ""), 409, "id");
        created(http.post(
                "/api/v1/commitments/" + w.truce() + "/violations",
                violation("v1", w.a(), w.b(), "2020-10-10T12:05+04:00")));
        refused(
                "/api/v1/commitments/" + w.truce() + "/violations",
                violation("v1", w.a(), w.b(), "2020-10-10T12:06+04:00"),
                409,
                "id");
    }

    @Test
    void idempotencyKeyReusedForAnotherRequestIsUnprocessable() {
        String key = unique("key");
        created(http.post("/api/v1/actors", """
                {"id": "%s", "name": "A", "kind": "STATE"}""".formatted(unique("a")), "Idempotency-Key", key));
        JsonNode problem =
                refused("/api/v1/actors", """
                {"id": "%s", "name": "B", "kind": "STATE"}""".formatted(unique("b")), 422, "Idempotency-Key", "Idempotency-Key", key);
        assertThat(problem.get("type").asText()).isEqualTo("urn:problem:negotiation-ledger:idempotency-key-reused");
    }

    @Test
    void wrongMediaTypeAndUnknownPathAreProblems() {
        Http.Response text = http.post("/api/v1/actors", "id=a", "Content-Type", "text/plain");
        assertThat(text.status()).isEqualTo(415);
        assertThat(text.contentType()).startsWith("application/problem+json");
        Http.Response missing = http.get("/api/v1/no-such-endpoint");
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.contentType()).startsWith("application/problem+json");
    }

    @Test
    void badAuditQueryParametersAreBadRequest() {
        for (String query : new String[] {
            "limit=0", "limit=abc", "fromIndex=-1", "asOf=2020-10-10T12:00", "aggregateId=NOT%20AN%20ID"
        }) {
            Http.Response response = http.get("/api/v1/audit/events?" + query);
            assertThat(response.status()).as(query).isEqualTo(400);
            assertThat(response.contentType()).startsWith("application/problem+json");
        }
    }
}

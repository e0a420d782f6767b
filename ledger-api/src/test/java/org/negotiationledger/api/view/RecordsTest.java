package org.negotiationledger.api.view;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.negotiationledger.api.ApiTest;
import org.negotiationledger.api.Http;

/** The records at the paths a 201's Location names, and the 404 of anything else, as problem details. */
class RecordsTest extends ApiTest {

    @Test
    void aViolationReportAnswersWithItsFindingsAndItsRetraction() {
        World w = world();
        String path = created(http.post(
                        "/api/v1/commitments/" + w.truce() + "/violations",
                        violation("shelling", w.a(), w.b(), "2020-10-10T12:05+04:00")))
                .location();
        created(http.post(path + "/assessment", """
                {"outcome": "NOT_ATTRIBUTABLE", "assessedBy": "%s", "assessedAt": "2020-10-12T10:00+04:00"}""".formatted(w.observer())));
        created(http.post(path + "/retraction", """
                {"retractedBy": "%s", "reason": "misidentified unit"}""".formatted(w.a())));
        // The report's Location answered at its first 201; its retraction reaches the view a moment later.
        ViewsCaughtUp.await(http);

        JsonNode report = http.get(path).json();
        assertThat(report.get("id").asText()).isEqualTo("shelling");
        assertThat(report.get("commitmentId").asText()).isEqualTo(w.truce());
        assertThat(report.get("status").asText()).isEqualTo("RETRACTED");
        assertThat(report.get("occurredAt").asText()).isEqualTo("2020-10-10T12:05+04:00");
        assertThat(report.get("occurredAtUtc").asText()).isEqualTo("2020-10-10T08:05:00Z");
        assertThat(report.get("assessments").get(0).get("outcome").asText()).isEqualTo("NOT_ATTRIBUTABLE");
        assertThat(report.get("retraction").get("reason").asText()).isEqualTo("misidentified unit");
    }

    @Test
    void aTruceAnnouncedApartFromItsAgreementShowsTheAnnouncementOnItsRecord() {
        World w = world();
        String path = created(http.post("/api/v1/truces", """
                {"negotiationId": "%s", "kind": "HUMANITARIAN_CEASEFIRE", "title": "pause", "parties": ["%s", "%s"],
                 "agreedAt": "2020-10-10T03:00+03:00", "effectiveFrom": "2020-10-10T12:00+04:00",
                 "announcedAt": "2020-10-09T21:00+04:00", "announcedAtPrecision": "HOUR"}""".formatted(w.negotiation(), w.a(), w.b())))
                .location();
        ViewsCaughtUp.await(http);

        JsonNode truce = http.get(path).json();
        assertThat(truce.get("announcedAt").asText()).isEqualTo("2020-10-09T21:00+04:00");
        assertThat(truce.get("announcedAtUtc").asText()).isEqualTo("2020-10-09T17:00:00Z");
        assertThat(truce.get("effectiveFromUtc").asText()).isEqualTo("2020-10-10T08:00:00Z");
        assertThat(http.get("/api/v1/commitments/" + w.truce())
                        .json()
                        .get("announcedAt")
                        .isNull())
                .as("a truce whose announcement is not stated")
                .isTrue();
    }

    @Test
    void aReportOverARangeShowsBothEndsAsStated() {
        World w = world();
        String path = created(
                        http.post("/api/v1/commitments/" + w.truce() + "/violations", """
                {"id": "ranged", "reportedBy": "%s", "accused": "%s", "occurredAt": "2020-10-10T12:05+04:00",
                 "occurredUntil": "2020-10-11T00:00+04:00", "occurredUntilPrecision": "DAY"}""".formatted(w.a(), w.b())))
                .location();

        JsonNode report = http.get(path).json();
        assertThat(report.get("occurredAt").asText()).isEqualTo("2020-10-10T12:05+04:00");
        assertThat(report.get("occurredUntil").asText()).isEqualTo("2020-10-11T00:00+04:00");
        assertThat(report.get("occurredUntilPrecision").asText()).isEqualTo("DAY");
        assertThat(report.get("occurredUntilUtc").asText()).isEqualTo("2020-10-10T20:00:00Z");
    }

    @Test
    void aReportAsOfBeforeItsRetractionWasRecordedStillStands() {
        World w = world();
        String path = created(http.post(
                        "/api/v1/commitments/" + w.truce() + "/violations",
                        violation("mortar", w.a(), w.b(), "2020-10-10T12:05+04:00")))
                .location();
        String reportedAt = http.get(path).json().get("recordedAt").asText();
        created(http.post(path + "/retraction", """
                {"retractedBy": "%s", "reason": "duplicate"}""".formatted(w.a())));
        JsonNode then = http.get(path + "?asOf=" + reportedAt).json();
        assertThat(then.get("status").asText()).isEqualTo("STANDING");
        assertThat(then.get("retraction").isNull()).isTrue();
    }

    @Test
    void anActorANegotiationItsTalksAndAStatementAnswerAtTheirLocations() {
        World w = world();
        JsonNode actor = http.get("/api/v1/actors/" + w.a()).json();
        assertThat(actor.get("kind").asText()).isEqualTo("STATE");

        String talks = created(http.post("/api/v1/negotiations/" + w.negotiation() + "/talks", """
                {"venue": "Geneva", "startedAt": "2020-10-30T10:00+01:00[Europe/Zurich]", "startedAtPrecision": "DAY",
                 "participants": [{"actor": "%s", "role": "PARTY"}], "outcome": "a pledge"}""".formatted(w.a())))
                .location();
        JsonNode round = http.get(talks).json();
        assertThat(round.get("venue").asText()).isEqualTo("Geneva");
        assertThat(round.get("startedAtPrecision").asText()).isEqualTo("DAY");
        assertThat(round.get("participants").get(0).get("actor").asText()).isEqualTo(w.a());
        JsonNode negotiation =
                http.get("/api/v1/negotiations/" + w.negotiation()).json();
        assertThat(negotiation.get("parties")).hasSize(2);
        assertThat(negotiation.get("talks").get(0).get("id").asText())
                .isEqualTo(round.get("id").asText());

        String statement = created(http.post("/api/v1/statements", """
                {"author": "%s", "issuedAt": "2020-10-31T00:00-04:00", "issuedAtPrecision": "DAY", "kinds": ["CALL"],
                 "text": "Stop.", "concerns": ["%s"]}""".formatted(w.mediator(), w.negotiation())))
                .location();
        JsonNode said = http.get(statement).json();
        assertThat(said.get("issuedAt").asText()).isEqualTo("2020-10-31T00:00-04:00");
        assertThat(said.get("issuedAtUtc").asText()).isEqualTo("2020-10-31T04:00:00Z");
        assertThat(said.get("concerns").get(0).asText()).isEqualTo(w.negotiation());
    }

    @Test
    void anUnknownRecordIsTheLedgersOwn404() {
        World w = world();
        for (String path : new String[] {
            "/api/v1/actors/nobody-here",
            "/api/v1/negotiations/no-such-talks",
            "/api/v1/negotiations/" + w.negotiation() + "/talks/never-held",
            "/api/v1/commitments/" + w.truce() + "/violations/never-reported",
            "/api/v1/statements/never-said"
        }) {
            assertProblem(http.get(path), path);
        }
    }

    @Test
    void anUnknownPathIsTheLedgersOwn404() {
        for (String path : new String[] {"/api/v1/nothing-here", "/nothing.html", "/api/v2/commitments"}) {
            assertProblem(http.get(path), path);
        }
    }

    private static void assertProblem(Http.Response response, String path) {
        assertThat(response.status()).as(path).isEqualTo(404);
        assertThat(response.contentType()).as(path).startsWith("application/problem+json");
        assertThat(response.json().get("type").asText()).as(path).isEqualTo("urn:problem:negotiation-ledger:not-found");
        assertThat(response.header("X-Content-Type-Options")).as(path).isEqualTo("nosniff");
    }
}

package org.negotiationledger.api.view;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.negotiationledger.api.ApiTest;
import org.negotiationledger.api.Http;

/** The views as the ledger knew them at a record time ({@code asOf}), alone and with a valid time. */
class AsOfTest extends ApiTest {

    private String recordedAt(String aggregateId, int event) {
        return http.get("/api/v1/audit/events?aggregateId=" + aggregateId)
                .json()
                .get(event)
                .get("recordedAt")
                .asText();
    }

    @Test
    void retractedReportStandsAsOfBeforeTheRetractionAndNotAfter() {
        World w = world();
        created(http.post(
                "/api/v1/commitments/" + w.truce() + "/violations",
                violation("claim", w.a(), w.b(), "2020-10-10T12:05+04:00")));
        created(http.post("/api/v1/commitments/" + w.truce() + "/violations/claim/retraction", """
                {"retractedBy": "%s", "reason": "misidentified unit"}""".formatted(w.a())));
        ViewsCaughtUp.await(http);
        String reported = recordedAt(w.truce(), 1);
        String retracted = recordedAt(w.truce(), 2);

        JsonNode before = http.get("/api/v1/commitments/" + w.truce() + "?asOf=" + reported)
                .json();
        assertThat(before.get("status").asText()).isEqualTo("VIOLATED");
        assertThat(before.get("reports").get("standing").asInt()).isEqualTo(1);
        assertThat(before.get("minutesToFirstViolation").asLong()).isEqualTo(5);
        assertThat(http.get("/api/v1/commitments/broken?withinHours=1&negotiationId=" + w.negotiation() + "&asOf="
                                + reported)
                        .json())
                .hasSize(1);

        JsonNode after = http.get("/api/v1/commitments/" + w.truce() + "?asOf=" + retracted)
                .json();
        assertThat(after.get("status").asText()).isEqualTo("HOLDING");
        assertThat(after.get("reports").get("standing").asInt()).isZero();
        assertThat(after.get("reports").get("retracted").asInt()).isEqualTo(1);
        assertThat(http.get("/api/v1/commitments/broken?withinHours=1&negotiationId=" + w.negotiation() + "&asOf="
                                + retracted)
                        .json())
                .isEmpty();

        JsonNode timeline = http.get("/api/v1/negotiations/" + w.negotiation() + "/timeline?asOf=" + reported)
                .json();
        timeline.forEach(e -> assertThat(e.get("type").asText()).isNotEqualTo("ViolationReportRetracted"));
        JsonNode claim = null;
        for (JsonNode e : timeline) {
            if (e.get("type").asText().equals("ViolationReported")) {
                claim = e;
            }
        }
        assertThat(claim).as("the report on the as-of timeline").isNotNull();
        assertThat(claim.get("violationId").asText()).isEqualTo("claim");
        assertThat(http.get("/api/v1/audit/events?fromIndex="
                                + claim.get("globalIndex").asLong() + "&limit=1")
                        .json()
                        .get(0)
                        .get("type")
                        .asText())
                .as("its globalIndex is the report's own event")
                .isEqualTo("ViolationReported");
    }

    @Test
    void recordsNotYetRecordedAsOfAreNotFound() {
        World w = world();
        ViewsCaughtUp.await(http);
        String negotiationOpened = recordedAt(w.negotiation(), 0);
        Http.Response truce = http.get("/api/v1/commitments/" + w.truce() + "?asOf=" + negotiationOpened);
        assertThat(truce.status()).isEqualTo(404);
        assertThat(truce.contentType()).startsWith("application/problem+json");
        assertThat(http.get("/api/v1/commitments?negotiationId=" + w.negotiation() + "&asOf=" + negotiationOpened)
                        .json())
                .isEmpty();
        assertThat(http.get("/api/v1/negotiations/" + w.negotiation() + "/timeline?asOf=2020-01-01T00:00Z")
                        .status())
                .isEqualTo(404);
        assertThat(http.get("/api/v1/actors/" + w.a() + "/record?asOf=2020-01-01T00:00Z")
                        .status())
                .isEqualTo(404);
    }

    @Test
    void asOfAndValidAtTogether() {
        World w = world();
        created(http.post(
                "/api/v1/commitments/" + w.truce() + "/violations",
                violation("claim", w.a(), w.b(), "2020-10-10T12:05+04:00")));
        ViewsCaughtUp.await(http);
        String reported = recordedAt(w.truce(), 1);
        assertThat(http.get("/api/v1/commitments/" + w.truce() + "?asOf=" + reported
                                + "&validAt=2020-10-10T12:03%2B04:00")
                        .json()
                        .get("status")
                        .asText())
                .isEqualTo("HOLDING");
        assertThat(http.get("/api/v1/commitments/" + w.truce() + "?asOf=" + reported
                                + "&validAt=2020-10-10T12:06%2B04:00")
                        .json()
                        .get("status")
                        .asText())
                .isEqualTo("VIOLATED");
        assertThat(http.get("/api/v1/commitments/" + w.truce() + "?asOf=2020-10-10T12:00")
                        .status())
                .isEqualTo(400);
    }

    @Test
    void aBreakInTheLastSecondsOfTheLastMinuteCountsWithinTheHours() {
        World w = world();
        created(http.post(
                "/api/v1/commitments/" + w.truce() + "/violations",
                violation("late", w.a(), w.b(), "2020-10-10T13:00:30+04:00")));
        ViewsCaughtUp.await(http);
        JsonNode broken = http.get("/api/v1/commitments/broken?withinHours=1&negotiationId=" + w.negotiation())
                .json();
        assertThat(broken).hasSize(1);
        assertThat(broken.get(0).get("minutesToBreak").asLong()).isEqualTo(60);
    }
}

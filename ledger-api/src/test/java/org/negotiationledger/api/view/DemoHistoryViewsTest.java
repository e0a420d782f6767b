package org.negotiationledger.api.view;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.negotiationledger.api.Http;
import org.negotiationledger.api.LedgerInstance;

/**
 * The expectations of seed-scenario.md ("What the views must then show"), over HTTP on a freshly started
 * server with the demo history, and again after the views are rebuilt from the history.
 */
class DemoHistoryViewsTest {

    private static LedgerInstance ledger;
    private static Http http;

    @BeforeAll
    static void start() {
        ledger = LedgerInstance.withDemoHistory("ledger-views");
        http = ledger.http();
        ViewsCaughtUp.await(http);
    }

    @AfterAll
    static void stop() {
        ledger.close();
    }

    private static Map<String, JsonNode> commitments(String query) {
        Map<String, JsonNode> byId = new HashMap<>();
        http.get("/api/v1/commitments" + query)
                .json()
                .forEach(c -> byId.put(c.get("id").asText(), c));
        return byId;
    }

    private static void demoExpectationsHold() {
        Map<String, JsonNode> now = commitments("");
        for (String[] truce :
                new String[][] {{"moscow-2020-10-10", "5"}, {"paris-2020-10-17", "4"}, {"washington-2020-10-25", "5"}
                }) {
            JsonNode view = now.get(truce[0]);
            assertThat(view.get("status").asText()).as(truce[0]).isEqualTo("ENDED");
            assertThat(view.get("endedReason").asText()).as(truce[0]).isEqualTo("SUPERSEDED");
            assertThat(view.get("minutesToFirstViolation").asLong())
                    .as(truce[0])
                    .isEqualTo(Long.parseLong(truce[1]));
        }
        assertThat(now.get("trilateral-2020-11-10").get("status").asText()).isEqualTo("HOLDING");
        assertThat(now.get("geneva-2020-10-30").get("status").asText()).isEqualTo("HOLDING");

        Map<String, JsonNode> november = commitments("?validAt=2020-11-01T00:00Z");
        for (String truce : List.of("moscow-2020-10-10", "paris-2020-10-17", "washington-2020-10-25")) {
            assertThat(november.get(truce).get("status").asText()).as(truce).isEqualTo("VIOLATED");
        }

        JsonNode broken = http.get("/api/v1/commitments/broken?withinHours=1").json();
        assertThat(StreamSupport.stream(broken.spliterator(), false)
                        .map(b -> b.get("commitmentId").asText()))
                .containsExactly("paris-2020-10-17", "moscow-2020-10-10", "washington-2020-10-25");
        // The same number under the commitment view's name, and under its first name, kept as an alias.
        assertThat(broken.get(0).get("minutesToFirstViolation").asLong())
                .isEqualTo(now.get("paris-2020-10-17")
                        .get("minutesToFirstViolation")
                        .asLong())
                .isEqualTo(4);
        assertThat(broken.get(0).get("minutesToBreak").asLong()).isEqualTo(4);
        assertThat(broken.get(0).get("reportedBy").asText()).isEqualTo("armenia");
        assertThat(broken.get(0).get("accused").asText()).isEqualTo("azerbaijan");

        assertThat(http.get("/api/v1/commitments/paris-2020-10-17?validAt=2020-10-18T00:03%2B04:00")
                        .json()
                        .get("status")
                        .asText())
                .isEqualTo("HOLDING");
        assertThat(http.get("/api/v1/commitments/paris-2020-10-17?validAt=2020-10-18T00:05%2B04:00")
                        .json()
                        .get("status")
                        .asText())
                .isEqualTo("VIOLATED");
    }

    @Test
    void demoExpectationsHoldOnAFreshServerAndAfterARebuild() {
        demoExpectationsHold();
        assertThat(http.post("/api/v1/admin/replays/all", "").status()).isEqualTo(202);
        ViewsCaughtUp.await(http);
        demoExpectationsHold();
    }

    @Test
    void oneCommitmentShowsTheContractFields() {
        JsonNode moscow = http.get("/api/v1/commitments/moscow-2020-10-10").json();
        assertThat(moscow.get("kind").asText()).isEqualTo("HUMANITARIAN_CEASEFIRE");
        assertThat(moscow.get("effectiveFrom").asText()).isEqualTo("2020-10-10T12:00+04:00");
        assertThat(moscow.get("effectiveFromUtc").asText()).isEqualTo("2020-10-10T08:00:00Z");
        assertThat(moscow.get("firstViolationAtUtc").asText()).isEqualTo("2020-10-10T08:05:00Z");
        assertThat(moscow.get("reports").get("standing").asInt()).isEqualTo(2);
        assertThat(moscow.get("renewedBy").get(0).asText()).isEqualTo("paris-2020-10-17");
        assertThat(http.get("/api/v1/commitments/paris-2020-10-17")
                        .json()
                        .get("renews")
                        .asText())
                .isEqualTo("moscow-2020-10-10");
        assertThat(http.get("/api/v1/commitments/no-such-truce").status()).isEqualTo(404);
    }

    @Test
    void timelineIsInValidTimeOrderWithRecordTimes() {
        JsonNode timeline =
                http.get("/api/v1/negotiations/nagorno-karabakh-2020/timeline").json();
        List<String> types = StreamSupport.stream(timeline.spliterator(), false)
                .map(e -> e.get("type").asText())
                .toList();
        assertThat(types.get(0)).isEqualTo("NegotiationOpened");
        assertThat(types)
                .containsSubsequence(
                        "TruceAgreed",
                        "CommitmentTookEffect",
                        "ViolationReported",
                        "StatementIssued",
                        "CommitmentSuperseded");
        timeline.forEach(e -> assertThat(e.get("recordedAt").asText()).isNotEmpty());
        assertThat(http.get("/api/v1/negotiations/nowhere/timeline").status()).isEqualTo(404);
    }

    @Test
    void partyRecordAndStatements() {
        JsonNode azerbaijan = http.get("/api/v1/actors/azerbaijan/record").json();
        assertThat(azerbaijan.get("standingReportsAgainst").asInt()).isEqualTo(3);
        assertThat(azerbaijan.get("reportsFiled")).hasSize(2);
        assertThat(azerbaijan.get("commitments")).hasSize(5);
        JsonNode unsg = http.get("/api/v1/actors/un-secretary-general/record").json();
        assertThat(unsg.get("statements").get(0).asText()).isEqualTo("unsg-2020-10-31");
        assertThat(http.get(
                                "/api/v1/statements?author=un-secretary-general&kind=CONDEMNATION&concerns=nagorno-karabakh-2020")
                        .json())
                .hasSize(1);
        assertThat(http.get("/api/v1/statements?kind=WELCOME").json()).isEmpty();
    }

    @Test
    void badViewQueriesAreBadRequest() {
        for (String query : new String[] {
            "/api/v1/commitments?status=BROKEN",
            "/api/v1/commitments?validAt=2020-10-10",
            "/api/v1/commitments/broken?withinHours=-1",
            "/api/v1/commitments/broken",
            "/api/v1/commitments/broken?withinHours=soon"
        }) {
            Http.Response response = http.get(query);
            assertThat(response.status()).as(query).isEqualTo(400);
            assertThat(response.contentType()).startsWith("application/problem+json");
        }
        assertThat(http.post("/api/v1/admin/replays/nothing", "").status()).isEqualTo(404);
    }
}

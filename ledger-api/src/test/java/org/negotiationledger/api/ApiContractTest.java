package org.negotiationledger.api;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The check that holds every test's answers to docs/openapi.json fails on what the document does not say. */
class ApiContractTest {

    private static final ApiContract CONTRACT = ApiContract.get();
    private static final String ACTOR = """
            {"id": "armenia", "name": "Republic of Armenia", "kind": "STATE", "recordedAt": "2026-11-28T10:00:00Z"}""";

    @Test
    void anAnswerAsDescribedPasses() {
        assertThat(CONTRACT.problems("GET", "/api/v1/actors/armenia?asOf=x", 200, "application/json", ACTOR))
                .isEmpty();
        assertThat(CONTRACT.problems("GET", "/api/v1/actors/nobody", 404, "application/problem+json", """
                {"type": "urn:problem:negotiation-ledger:not-found", "title": "Not found", "status": 404}"""))
                .isEmpty();
    }

    @Test
    void anUndescribedStatusContentTypeOrBodyFails() {
        assertThat(CONTRACT.problems("GET", "/api/v1/actors/armenia", 418, "application/json", ACTOR))
                .hasSize(1);
        assertThat(CONTRACT.problems("GET", "/api/v1/actors/armenia", 200, "text/plain", "armenia"))
                .hasSize(1);
        assertThat(CONTRACT.problems(
                        "GET",
                        "/api/v1/actors/armenia",
                        200,
                        "application/json",
                        ACTOR.replace("\"Republic of Armenia\"", "null")))
                .as("a required field null")
                .isNotEmpty();
        assertThat(CONTRACT.problems("GET", "/api/v1/actors/armenia", 404, "text/html", "<h1>404</h1>"))
                .as("an error that is not problem+json")
                .isNotEmpty();
        assertThat(CONTRACT.problems(
                        "GET",
                        "/api/v1/commitments/broken?withinHours=1",
                        200,
                        "application/json",
                        "[{\"commitmentId\": 7}]"))
                .as("the literal path wins over /commitments/{id}")
                .isNotEmpty();
    }

    @Test
    void aStreamEventOfAnotherNameOrShapeFails() {
        assertThat(CONTRACT.eventProblems("/api/v1/stream/broken", "commitment", "[]"))
                .hasSize(1);
        assertThat(CONTRACT.eventProblems("/api/v1/stream/broken", "broken", "[]"))
                .isEmpty();
        assertThat(CONTRACT.eventProblems("/api/v1/stream/broken", "broken", "{}"))
                .isNotEmpty();
    }
}

package org.negotiationledger.api.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.negotiationledger.api.ApiTest;
import org.negotiationledger.api.Http;
import org.negotiationledger.api.TestUsers;

/** Who may call what, for every endpoint group, over real HTTP; a refused request records nothing. */
class RolesTest extends ApiTest {

    private World world;
    private List<Write> writes;

    /** A write endpoint with a body that would be accepted from a mediator. */
    private record Write(String path, String body) {}

    @BeforeEach
    void newWorld() {
        world = world();
        writes = writeEndpoints(world).stream()
                .map(e -> new Write(e.path(), e.body()))
                .toList();
    }

    @Test
    void anAnonymousRequestIsAnsweredUnauthorizedAsProblemDetails() {
        Http anonymous = http.withAuthorization(null);
        long before = eventCount();
        for (Write write : writes) {
            refused(anonymous.post(write.path(), write.body()), 401);
        }
        for (String path : readPaths()) {
            Http.Response response = anonymous.get(path);
            refused(response, 401);
            assertThat(response.header("WWW-Authenticate")).startsWith("Basic realm=\"negotiation-ledger\"");
        }
        refused(anonymous.post("/api/v1/admin/replays/all", ""), 401);
        assertThat(eventCount()).isEqualTo(before);
    }

    @Test
    void aWrongPasswordIsUnauthorized() {
        refused(
                http.withAuthorization(TestUsers.basic(TestUsers.MEDIATOR).replace("Basic ", "Basic x"))
                        .get("/api/v1/commitments"),
                401);
        refused(
                http.withAuthorization("Basic "
                                + java.util.Base64.getEncoder()
                                        .encodeToString((TestUsers.MEDIATOR + ":wrong").getBytes()))
                        .post(writes.get(0).path(), writes.get(0).body()),
                401);
    }

    @Test
    void onlyAMediatorWrites() {
        long before = eventCount();
        for (String user : List.of(TestUsers.VIEWER, TestUsers.AUDITOR)) {
            for (Write write : writes) {
                refused(http.as(user).post(write.path(), write.body()), 403);
            }
        }
        assertThat(eventCount()).isEqualTo(before);
        for (Write write : writes) {
            assertThat(http.as(TestUsers.MEDIATOR)
                            .post(write.path(), write.body())
                            .status())
                    .as(write.path())
                    .isEqualTo(201);
        }
    }

    @Test
    void everyRoleReadsThePresentViewsAndSubscribes() {
        for (String user : List.of(TestUsers.VIEWER, TestUsers.AUDITOR, TestUsers.MEDIATOR)) {
            for (String path : presentViews()) {
                assertThat(http.as(user).get(path).status())
                        .as(user + " " + path)
                        .isEqualTo(200);
            }
            assertThat(http.as(user).get("/").status()).as(user + " dashboard").isEqualTo(200);
        }
    }

    @Test
    void onlyAnAuditorReadsHistoryAndViewsAsOfARecordTimeAndRunsRebuilds() {
        List<String> auditorOnly = List.of(
                "/api/v1/audit/events?limit=1",
                "/api/v1/commitments/" + world.truce() + "?asOf=2030-01-01T00:00Z",
                "/api/v1/commitments?asOf=2030-01-01T00:00Z",
                "/api/v1/negotiations/" + world.negotiation() + "/timeline?asOf=2030-01-01T00:00Z",
                "/api/v1/admin/replays/all");
        for (String user : List.of(TestUsers.VIEWER, TestUsers.MEDIATOR)) {
            for (String path : auditorOnly) {
                refused(http.as(user).get(path), 403);
            }
            refused(http.as(user).post("/api/v1/admin/replays/all", ""), 403);
        }
        for (String path : auditorOnly) {
            assertThat(http.as(TestUsers.AUDITOR).get(path).status()).as(path).isEqualTo(200);
        }
    }

    @Test
    void theDocumentedDemoUsersSignInOnTheEmbeddedDefault() {
        Http mediator = http.withAuthorization(basic("mediator", "mediator"));
        assertThat(mediator.post(writes.get(0).path(), writes.get(0).body()).status())
                .isEqualTo(201);
        assertThat(http.withAuthorization(basic("viewer", "viewer"))
                        .get("/api/v1/commitments")
                        .status())
                .isEqualTo(200);
        assertThat(http.withAuthorization(basic("auditor", "auditor"))
                        .get("/api/v1/audit/events?limit=1")
                        .status())
                .isEqualTo(200);
    }

    @Test
    void theRecordedPrincipalIsTheSignedInUserWhateverTheRequestSays() {
        String actor = unique("actor");
        created(http.as(TestUsers.MEDIATOR)
                .post(
                        "/api/v1/actors",
                        """
                {"id": "%s", "name": "N", "kind": "STATE"}""".formatted(actor),
                        "principal",
                        "someone-else",
                        "X-Principal",
                        "someone-else",
                        "X-Forwarded-User",
                        "someone-else"));
        assertThat(http.as(TestUsers.AUDITOR)
                        .get("/api/v1/audit/events?aggregateId=" + actor)
                        .json()
                        .get(0)
                        .get("principal")
                        .asText())
                .isEqualTo(TestUsers.MEDIATOR);

        Http.Response smuggled = http.as(TestUsers.MEDIATOR).post("/api/v1/actors", """
                {"id": "%s", "name": "N", "kind": "STATE", "principal": "someone-else"}""".formatted(unique("actor")));
        assertThat(smuggled.status()).isEqualTo(400);
        assertThat(smuggled.json().get("errors").get(0).get("field").asText()).isEqualTo("principal");
    }

    @Test
    void responsesCarrySecurityHeaders() {
        Http.Response page = http.as(TestUsers.VIEWER).get("/");
        assertThat(page.header("Content-Security-Policy"))
                .contains("default-src 'self'")
                .contains("frame-ancestors 'none'");
        assertThat(page.header("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(page.header("X-Frame-Options")).isEqualTo("DENY");
        assertThat(page.header("Referrer-Policy")).isEqualTo("no-referrer");
        Http.Response api = http.as(TestUsers.VIEWER).get("/api/v1/commitments");
        assertThat(api.header("Cache-Control")).contains("no-store");
    }

    @Test
    void corsIsClosedUnlessConfigured() {
        Http.Response preflight = http.withAuthorization(null)
                .options(
                        "/api/v1/truces",
                        "Origin",
                        "https://evil.example",
                        "Access-Control-Request-Method",
                        "POST",
                        "Access-Control-Request-Headers",
                        "content-type");
        assertThat(preflight.header("Access-Control-Allow-Origin")).isNull();
        Http.Response read = http.as(TestUsers.VIEWER).get("/api/v1/commitments", "Origin", "https://evil.example");
        assertThat(read.header("Access-Control-Allow-Origin")).isNull();
    }

    private List<String> presentViews() {
        return List.of(
                "/api/v1/commitments",
                "/api/v1/commitments/" + world.truce(),
                "/api/v1/commitments/broken?withinHours=1",
                "/api/v1/negotiations/" + world.negotiation() + "/timeline",
                "/api/v1/actors/" + world.a() + "/record",
                "/api/v1/statements",
                "/api/v1/commitments/" + world.truce() + "?validAt=2020-10-11T00:00Z");
    }

    private List<String> readPaths() {
        List<String> paths = new java.util.ArrayList<>(presentViews());
        paths.addAll(List.of("/api/v1/audit/events", "/api/v1/admin/replays/all", "/"));
        return paths;
    }

    private static String basic(String user, String password) {
        return "Basic " + java.util.Base64.getEncoder().encodeToString((user + ":" + password).getBytes());
    }

    private static void refused(Http.Response response, int status) {
        assertThat(response.status()).as(response.text()).isEqualTo(status);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.json().get("status").asInt()).isEqualTo(status);
    }
}

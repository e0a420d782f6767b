package org.negotiationledger.api.openapi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.negotiationledger.api.ApiContract;
import org.negotiationledger.api.ApiTest;
import org.negotiationledger.api.Http;
import org.negotiationledger.api.LedgerInstance;

/**
 * docs/openapi.json is the contract clients generate from: it is what the server describes (a change to the
 * API that does not update it fails here), it is valid OpenAPI, and it states for every operation who may call
 * it, its real success answer and the problems it can answer. That the server's answers conform to it is
 * checked on every request of every test (ApiContract, through Http and SseClient).
 */
class OpenApiDocumentTest extends ApiTest {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    @Test
    void theCommittedDescriptionIsTheOneTheServerServes() throws IOException {
        JsonNode served = JSON.readTree(http.get("/v3/api-docs").text());
        if (!served.equals(JSON.readTree(ApiContract.DOCUMENT.toFile()))) {
            Path fresh = Path.of("target/openapi.json");
            Files.writeString(fresh, JSON.writeValueAsString(served) + "\n");
            if (Boolean.getBoolean("ledger.openapi.update")) {
                Files.copy(fresh, ApiContract.DOCUMENT, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            }
            fail("docs/openapi.json differs from what the server describes (now in ledger-api/target/openapi.json): "
                    + "review the difference, then copy it over, or run this test with -Dledger.openapi.update=true");
        }
    }

    @Test
    void theDescriptionIsValidOpenApi() throws IOException {
        ParseOptions options = new ParseOptions();
        options.setResolve(true);
        SwaggerParseResult result =
                new OpenAPIV3Parser().readContents(Files.readString(ApiContract.DOCUMENT), null, options);
        assertThat(result.getMessages()).as("parser messages").isEmpty();
        assertThat(result.getOpenAPI().getOpenapi()).startsWith("3.1");
        assertThat(result.getOpenAPI().getInfo().getTitle()).isEqualTo("Negotiation ledger API");
        assertThat(result.getOpenAPI().getInfo().getVersion())
                .doesNotContain("@")
                .isNotEqualTo("v0");
        assertThat(result.getOpenAPI().getComponents().getSecuritySchemes()).containsKeys("basic", "bearer");
    }

    @Test
    void everyOperationStatesItsRolesItsSuccessAndItsProblems() {
        JsonNode document = ApiContract.get().document();
        List<String> wrong = new ArrayList<>();
        document.path("paths")
                .fields()
                .forEachRemaining(path -> path.getValue().fields().forEachRemaining(entry -> {
                    String operation = entry.getKey().toUpperCase() + " " + path.getKey();
                    JsonNode op = entry.getValue();
                    if (op.path("security").size() != 2 || op.path("x-roles").isEmpty()) {
                        wrong.add(operation + ": no security or roles");
                    }
                    List<String> statuses = new ArrayList<>();
                    op.path("responses").fieldNames().forEachRemaining(statuses::add);
                    if (statuses.stream().noneMatch(s -> s.startsWith("2"))) {
                        wrong.add(operation + ": no success answer");
                    }
                    if (!statuses.containsAll(List.of("400", "401", "403"))) {
                        wrong.add(operation + ": lacks 400, 401 or 403");
                    }
                    statuses.stream().filter(s -> !s.startsWith("2")).forEach(s -> {
                        if (!op.path("responses")
                                .path(s)
                                .path("$ref")
                                .asText()
                                .equals("#/components/responses/Problem" + s)) {
                            wrong.add(operation + ": " + s + " is not the shared problem answer");
                        }
                    });
                    boolean command =
                            entry.getKey().equals("post") && !path.getKey().equals("/api/v1/imports");
                    if (command
                            && op.path("responses")
                                    .path(path.getKey().startsWith("/api/v1/admin/") ? "202" : "201")
                                    .path("headers")
                                    .path("Location")
                                    .isMissingNode()) {
                        wrong.add(operation + ": a command's success without its Location");
                    }
                }));
        assertThat(wrong).isEmpty();
        for (String stray : List.of("\"*/*\"", "SseEmitter", "StreamingResponseBody")) {
            assertThat(document.toString().contains(stray))
                    .as("the document mentions %s", stray)
                    .isFalse();
        }
        assertThat(document.path("components")
                        .path("responses")
                        .path("Problem422")
                        .path("content")
                        .has("application/problem+json"))
                .isTrue();
    }

    @Test
    void theStreamsAndTheExportAreDescribedAsWhatTheySend() {
        JsonNode paths = ApiContract.get().document().path("paths");
        for (String stream :
                List.of("/api/v1/stream/commitments", "/api/v1/stream/broken", "/api/v1/stream/timeline")) {
            JsonNode events = ApiContract.get().streamSchema(stream);
            assertThat(events.path("x-sse-event").asText()).as(stream).isNotEmpty();
            assertThat(events.path("x-sse-data").isObject()).as(stream).isTrue();
        }
        assertThat(paths.path("/api/v1/audit/events")
                        .path("get")
                        .path("responses")
                        .path("200")
                        .path("content")
                        .has("application/x-ndjson"))
                .isTrue();
    }

    @Test
    void theBrokenViewNamesItsMinutesAsTheCommitmentViewDoesAndKeepsItsFirstNameAsADeprecatedAlias() {
        JsonNode schemas = ApiContract.get().document().path("components").path("schemas");
        JsonNode broken = schemas.path("BrokenCommitment");
        assertThat(schemas.path("Commitment").path("properties").has("minutesToFirstViolation"))
                .isTrue();
        assertThat(broken.path("properties").has("minutesToFirstViolation")).isTrue();
        assertThat(broken.path("properties")
                        .path("minutesToFirstViolation")
                        .path("deprecated")
                        .asBoolean())
                .isFalse();
        assertThat(broken.path("properties")
                        .path("minutesToBreak")
                        .path("deprecated")
                        .asBoolean())
                .isTrue();
    }

    @Test
    void theDescriptionIsBuiltBeforeTheServerReportsReadyAndNoVisitBuildsItAgain() {
        try (LedgerInstance ledger =
                LedgerInstance.fresh("description-at-start", Map.of("ledger.api-description.build-at-start", "true"))) {
            // The start returns once the server reports ready: springdoc has built the description by then.
            ApiDescription description = ledger.bean(ApiDescription.class);
            assertThat(description.builds()).isEqualTo(1);

            Http http = ledger.http().withAuthorization(null);
            assertThat(http.get("/v3/api-docs").status()).isEqualTo(200);
            assertThat(http.get("/v3/api-docs", "Accept-Language", "de-CH, fr;q=0.8")
                            .status())
                    .isEqualTo(200);
            assertThat(description.builds()).as("builds after a visit").isEqualTo(1);
        }
    }

    @Test
    void swaggerUiIsServedWithASignInForBasic() {
        assertThat(http.withAuthorization(null).get("/swagger-ui/index.html").status())
                .isEqualTo(200);
        JsonNode basic = ApiContract.get()
                .document()
                .path("components")
                .path("securitySchemes")
                .path("basic");
        assertThat(basic.path("type").asText()).isEqualTo("http");
        assertThat(basic.path("scheme").asText()).isEqualTo("basic");
    }
}

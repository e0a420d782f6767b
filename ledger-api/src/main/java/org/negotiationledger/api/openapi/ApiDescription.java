package org.negotiationledger.api.openapi;

import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonNode;
import io.swagger.v3.core.converter.ModelConverters;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.JsonSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.servers.Server;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.negotiationledger.api.audit.AuditEvent;
import org.negotiationledger.api.problem.ProblemType;
import org.negotiationledger.api.security.ApiRoles;
import org.negotiationledger.api.security.Role;
import org.negotiationledger.api.view.ViewResponses;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springdoc.core.customizers.PropertyCustomizer;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Completes what springdoc derives from the controllers with what it cannot see: who may call each operation
 * (security/SecurityConfig's rules), the real success answers ({@code 201} with {@code Location} for a command,
 * {@code 202} for a rebuild), every problem an operation can answer (one shared problem+json schema), the
 * streams' events and the export's lines, and which properties may be null. The result is committed as
 * docs/openapi.json, and the tests hold the server's answers to it.
 */
@Configuration
class ApiDescription {

    static final String PROBLEM_JSON = "application/problem+json";
    private static final String NDJSON = "application/x-ndjson";
    private static final String EVENT_STREAM = "text/event-stream";
    private static final String BASIC = "basic";
    private static final String BEARER = "bearer";
    private static final String PRIMITIVE = "x-ledger-primitive";

    /** Each problem status an operation may answer, and what it means in this API. */
    private static final Map<String, String> PROBLEMS = new TreeMap<>(Map.ofEntries(
            Map.entry("400", "Malformed request or invalid field: `errors` names each field"),
            Map.entry("401", "Not signed in (Basic or a bearer token)"),
            Map.entry("403", "Signed in without the role this operation needs"),
            Map.entry("404", "No such record (or none recorded by `asOf`)"),
            Map.entry("406", "The Accept header names no type this operation answers"),
            Map.entry("409", "Duplicate id or version conflict (`expectedVersion`); nothing recorded"),
            Map.entry("413", "Request body larger than the server accepts"),
            Map.entry("415", "Content-Type is not the one this operation takes"),
            Map.entry(
                    "422",
                    "A rule of the domain refuses the command, a reference names no record, or an "
                            + "Idempotency-Key was reused for another request; nothing recorded"),
            Map.entry(
                    "429",
                    "Too many failed sign-ins from this address (for this user name, or for all); retry after "
                            + "`Retry-After` seconds"),
            Map.entry(
                    "503",
                    "The store cannot be used now (`storage-unavailable`: its disk is full or the database cannot be "
                            + "reached; nothing recorded) or, for a stream, too many are open on this server "
                            + "(`too-many-streams`); retry after `Retry-After` seconds")));

    @Bean
    OpenAPI ledgerApi(@Value("${ledger.version:unknown}") String version) {
        return new OpenAPI()
                .info(new Info()
                        .title("Negotiation ledger API")
                        .version(version)
                        .description("""
                                An event-sourced ledger for peace negotiations: commands that record truces, pledges, \
                                violation reports, findings and statements as immutable events, the views derived \
                                from them (each at any valid time `validAt` and, for auditors, as of any record time \
                                `asOf`), live streams of those views, and the audit history with its tamper-evident \
                                seal.

                                Every time is ISO-8601 with an offset. Errors are RFC 9457 problem details \
                                (`application/problem+json`). Sign in with Basic (the embedded demo's users \
                                `mediator`, `auditor`, `viewer` have their names as passwords) or a bearer JWT \
                                when an issuer is configured. The prose contract is docs/http-api.md."""))
                // Relative: the same document for every host and port (springdoc would write the one asked).
                .servers(List.of(new Server().url("/").description("the server that serves this document")))
                .components(new Components()
                        .addSecuritySchemes(
                                BASIC,
                                new SecurityScheme()
                                        .type(SecurityScheme.Type.HTTP)
                                        .scheme("basic")
                                        .description("A user of `ledger.security.users` and its password"))
                        .addSecuritySchemes(
                                BEARER,
                                new SecurityScheme()
                                        .type(SecurityScheme.Type.HTTP)
                                        .scheme("bearer")
                                        .bearerFormat("JWT")
                                        .description(
                                                "A JWT from the configured issuer; roles from its `roles` claim")));
    }

    static {
        // Events' metadata and payload are JSON objects of their own, not Jackson's tree type.
        SpringDocUtils.getConfig().replaceWithSchema(JsonNode.class, new ObjectSchema());
    }

    /** How many times springdoc has built the description: it runs the customizer once a build. */
    private final AtomicInteger builds = new AtomicInteger();

    int builds() {
        return builds.get();
    }

    @Bean
    OpenApiCustomizer ledgerApiCustomizer() {
        return api -> {
            builds.incrementAndGet();
            Components components = api.getComponents();
            addSchemas(components);
            components.setResponses(problemResponses());
            api.getPaths()
                    .forEach((path, item) ->
                            item.readOperationsMap().forEach((method, operation) -> describe(path, method, operation)));
            nullables(components);
            // What springdoc read from the streams' and the export's Java return types, which the answers are not.
            List.of("SseEmitter", "StreamingResponseBody", "JsonNode").forEach(components.getSchemas()::remove);
            api.setTags(
                    api.getTags() == null
                            ? null
                            : api.getTags().stream()
                                    .sorted((a, b) -> a.getName().compareTo(b.getName()))
                                    .toList());
        };
    }

    private static void addSchemas(Components components) {
        ModelConverters converters = ModelConverters.getInstance();
        for (Class<?> type : List.of(
                ViewResponses.CommitmentResponse.class,
                ViewResponses.BrokenCommitmentResponse.class,
                ViewResponses.TimelineEntryResponse.class,
                AuditEvent.class)) {
            converters
                    .readAll(type)
                    .forEach((name, schema) -> components.getSchemas().putIfAbsent(name, schema));
        }
        components
                .getSchemas()
                .put(
                        "FieldError",
                        new ObjectSchema()
                                .addProperty("field", new StringSchema().description("the field, parameter or header"))
                                .addProperty("message", new StringSchema())
                                .required(List.of("field", "message")));
        components
                .getSchemas()
                .put(
                        "Problem",
                        new ObjectSchema()
                                .description(
                                        "RFC 9457 problem details; members beyond these may follow (an import's `line`, ...)")
                                .addProperty(
                                        "type",
                                        new StringSchema()
                                                .format("uri")
                                                .example(ProblemType.INVALID_FIELD
                                                        .uri()
                                                        .toString()))
                                .addProperty("title", new StringSchema())
                                .addProperty("status", new IntegerSchema())
                                .addProperty("detail", new StringSchema())
                                .addProperty("instance", new StringSchema().format("uri-reference"))
                                .addProperty("errors", new ArraySchema().items(ref("FieldError")))
                                .required(List.of("type", "title", "status"))
                                .additionalProperties(true));
    }

    private static Map<String, ApiResponse> problemResponses() {
        Map<String, ApiResponse> responses = new LinkedHashMap<>();
        PROBLEMS.forEach((status, meaning) -> responses.put(
                problemName(status),
                new ApiResponse()
                        .description(meaning)
                        .content(new Content().addMediaType(PROBLEM_JSON, new MediaType().schema(ref("Problem"))))));
        for (String status : List.of("429", "503")) {
            responses
                    .get(problemName(status))
                    .addHeaderObject(
                            "Retry-After",
                            new Header()
                                    .description("seconds to wait before trying again")
                                    .schema(new IntegerSchema()));
        }
        return responses;
    }

    private static String problemName(String status) {
        return "Problem" + status;
    }

    /** The success answer, security and problems of one operation. */
    private static void describe(String path, PathItem.HttpMethod method, Operation operation) {
        if (!path.startsWith("/api/")) {
            return;
        }
        boolean post = method == PathItem.HttpMethod.POST;
        boolean rebuild = path.startsWith("/api/v1/admin/replays/");
        boolean stream = path.startsWith("/api/v1/stream/");
        boolean importing = path.equals("/api/v1/imports");
        ApiResponses responses = operation.getResponses();

        if (post && rebuild) {
            rename(responses, "200", "202", "The rebuild started (or runs already): its progress");
            responses.get("202").addHeaderObject("Location", header("where its progress is read"));
        } else if (post && !importing) {
            rename(responses, "200", "201", "Recorded: the record's id and its new version");
            responses.get("201").addHeaderObject("Location", header("the record the command created or changed"));
        }
        if (stream) {
            streamContent(path, responses.get("200"));
        }
        if (path.equals("/api/v1/audit/events") && method == PathItem.HttpMethod.GET) {
            Schema<?> lines = new StringSchema()
                    .description("With `Accept: application/x-ndjson`: the whole history "
                            + "(or what the filters select) as one AuditEvent a line, streamed");
            lines.addExtension("x-ndjson-line", "#/components/schemas/AuditEvent");
            responses.get("200").getContent().put(NDJSON, new MediaType().schema(lines));
        }

        List<String> roles = roles(path, method);
        operation.setSecurity(
                List.of(new SecurityRequirement().addList(BASIC), new SecurityRequirement().addList(BEARER)));
        operation.setDescription(join(
                operation.getDescription(),
                "Roles: " + String.join(", ", roles)
                        + (method == PathItem.HttpMethod.GET && roles.size() > 1
                                ? " (with `asOf`: " + String.join(", ", Role.names(ApiRoles.AS_OF)) + " only)"
                                : "")));
        operation.addExtension("x-roles", roles);

        // Any operation reads or writes the store, so any may meet it full or gone (503).
        List<String> problems = new ArrayList<>(List.of("400", "401", "403", "406", "429", "503"));
        boolean pathVariables = path.contains("{");
        if (pathVariables || importing) {
            problems.add("404");
        }
        if (post && !rebuild) {
            problems.addAll(List.of("409", "413", "415", "422"));
        }
        problems.forEach(status -> responses.addApiResponse(
                status, new ApiResponse().$ref("#/components/responses/" + problemName(status))));
    }

    /** Who may call an operation: the table the security filter chain enforces. */
    private static List<String> roles(String path, PathItem.HttpMethod method) {
        return List.of(Role.names(ApiRoles.of(method.name(), path)));
    }

    /** Server-Sent Events: their names, ids and the JSON schema of their data, which no generator reads. */
    private static void streamContent(String path, ApiResponse ok) {
        String name;
        Schema<?> data;
        if (path.endsWith("/commitments")) {
            name = "commitment";
            data = ref("Commitment");
        } else if (path.endsWith("/broken")) {
            name = "broken";
            data = new ArraySchema().items(ref("BrokenCommitment"));
        } else {
            name = "fact";
            data = ref("TimelineEntry");
        }
        Schema<?> events = new StringSchema()
                .description("Server-Sent Events named `" + name + "`, each with an `id` "
                        + "to resume from (Last-Event-ID) and JSON `data` as `x-sse-data` gives; comment lines keep the "
                        + "connection alive");
        events.addExtension("x-sse-event", name);
        events.addExtension("x-sse-data", data);
        ok.description("A stream of `" + name + "` events")
                .content(new Content().addMediaType(EVENT_STREAM, new MediaType().schema(events)));
    }

    private static void rename(ApiResponses responses, String from, String to, String description) {
        ApiResponse ok = responses.remove(from);
        responses.addApiResponse(to, (ok == null ? new ApiResponse() : ok).description(description));
    }

    private static Header header(String description) {
        return new Header().description(description).schema(new StringSchema().format("uri-reference"));
    }

    private static String join(String first, String second) {
        return first == null || first.isBlank() ? second : first + "\n\n" + second;
    }

    @SuppressWarnings("rawtypes")
    private static Schema ref(String name) {
        return new Schema<>().$ref("#/components/schemas/" + name);
    }

    /**
     * A property not listed as required may be null (the API writes nulls rather than leaving them out): its
     * type list gains {@code "null"}, a reference becomes {@code anyOf} it or null (OpenAPI 3.1, JSON Schema).
     */
    @SuppressWarnings({"rawtypes", "unchecked"})
    private static void nullables(Components components) {
        for (Schema<?> schema : components.getSchemas().values()) {
            if (schema.getProperties() == null || "Problem".equals(schema.getName())) {
                continue;
            }
            List<String> required = new ArrayList<>(schema.getRequired() == null ? List.of() : schema.getRequired());
            Map<String, Schema> properties = (Map) schema.getProperties();
            properties.replaceAll((name, property) -> {
                if (isPrimitive(property)) {
                    property.setExtensions(property.getExtensions().isEmpty() ? null : property.getExtensions());
                    if (!required.contains(name)) {
                        required.add(name);
                    }
                    return property;
                }
                if (required.contains(name)) {
                    return property;
                }
                if (property.get$ref() != null) {
                    return new JsonSchema()
                            .anyOf(List.of(
                                    new JsonSchema().$ref(property.get$ref()),
                                    new JsonSchema().types(new LinkedHashSet<>(List.of("null")))));
                }
                Set<String> types = new LinkedHashSet<>(
                        property.getTypes() != null
                                ? property.getTypes()
                                : property.getType() == null ? Set.of() : Set.of(property.getType()));
                if (!types.isEmpty()) {
                    types.add("null");
                    property.setTypes(types);
                }
                if (property.getEnum() != null && !property.getEnum().contains(null)) {
                    ((List<Object>) property.getEnum()).add(null);
                }
                return property;
            });
            schema.setRequired(required.isEmpty() ? null : required);
        }
    }

    /**
     * Marks the properties of Java primitive type (never null, always written), which the schema alone cannot
     * tell from their boxed twins: {@link #nullables} lists them as required.
     */
    @Bean
    PropertyCustomizer primitiveProperties() {
        return (property, type) -> {
            Class<?> raw = type.getType() instanceof JavaType java
                    ? java.getRawClass()
                    : type.getType() instanceof Class<?> plain ? plain : null;
            if (raw != null && raw.isPrimitive()) {
                property.addExtension(PRIMITIVE, true);
            }
            return property;
        };
    }

    private static boolean isPrimitive(Schema<?> property) {
        return property.getExtensions() != null && property.getExtensions().remove(PRIMITIVE) != null;
    }
}

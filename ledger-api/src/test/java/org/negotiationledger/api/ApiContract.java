package org.negotiationledger.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonMetaSchema;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.NonValidationKeyword;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import com.networknt.schema.oas.OpenApi31;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * The committed API description (docs/openapi.json) as a check on real answers: every answer a test receives
 * from an {@code /api/} path must be one the document lists for that operation, with a content type it lists
 * and a body that its schema accepts. An answer the document does not describe fails the test that got it.
 */
public final class ApiContract {

    /** The committed document, from the module's directory (where Maven runs the tests) or the repository's. */
    public static final Path DOCUMENT = Files.exists(Path.of("../docs/openapi.json"))
            ? Path.of("../docs/openapi.json")
            : Path.of("docs/openapi.json");

    private static final ObjectMapper JSON = new ObjectMapper();
    /** OpenAPI 3.1's dialect, where the document's {@code components} sit beside a schema for its references. */
    private static final JsonMetaSchema DIALECT = JsonMetaSchema.builder(OpenApi31.getInstance())
            .keyword(new NonValidationKeyword("components"))
            .build();

    private static final JsonSchemaFactory FACTORY =
            JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012, builder -> builder.metaSchema(DIALECT));
    private static final ApiContract INSTANCE = new ApiContract(read(DOCUMENT));

    private final JsonNode document;
    private final List<Template> templates;
    private final Map<String, JsonSchema> schemas = new ConcurrentHashMap<>();

    private record Template(String path, Pattern pattern, int variables) {}

    private ApiContract(JsonNode document) {
        this.document = document;
        List<Template> list = new ArrayList<>();
        document.path("paths")
                .fieldNames()
                .forEachRemaining(path ->
                        list.add(new Template(path, Pattern.compile(path.replaceAll("\\{[^}]+}", "[^/]+")), (int)
                                path.chars().filter(c -> c == '{').count())));
        // A literal segment wins over a variable: /commitments/broken is not /commitments/{id}.
        list.sort(Comparator.comparingInt(Template::variables));
        this.templates = List.copyOf(list);
    }

    public static ApiContract get() {
        return INSTANCE;
    }

    public JsonNode document() {
        return document;
    }

    /**
     * The problems with one answer against the document; empty when it conforms. Paths outside {@code /api/}
     * (the dashboard, actuator, the document itself) are not described there and not checked.
     */
    public List<String> problems(String method, String pathAndQuery, int status, String contentType, String body) {
        String path = pathAndQuery.replaceFirst("[?#].*", "");
        if (!path.startsWith("/api/")) {
            return List.of();
        }
        String type = contentType == null
                ? ""
                : contentType.replaceFirst(";.*", "").trim().toLowerCase(Locale.ROOT);
        if (method.equals("OPTIONS") && status / 100 == 2 && body.isEmpty()) {
            return List.of(); // a CORS preflight's answer: HTTP's, not an operation of the API
        }
        // Of the paths that match, the first (fewest variables) with this method: a command's path and a record's
        // may share a shape and name their variables differently.
        JsonNode operation = templates.stream()
                .filter(t -> t.pattern().matcher(path).matches())
                .map(t -> document.path("paths").path(t.path()).path(method.toLowerCase(Locale.ROOT)))
                .filter(candidate -> !candidate.isMissingNode())
                .findFirst()
                .orElse(null);
        String what = method + " " + pathAndQuery + " answered " + status + " " + type;
        if (operation == null || operation.isMissingNode()) {
            // No such operation: only a problem may answer (404 for the path, 405 for the method).
            return status >= 400 && status < 500 && type.equals("application/problem+json")
                    ? validate(what, ref("Problem"), body)
                    : List.of(what + ": no operation, and not a problem answer");
        }
        JsonNode response = operation.path("responses").path(Integer.toString(status));
        if (response.isMissingNode()) {
            return List.of(what + ": the document lists " + names(operation.path("responses")) + " for this operation");
        }
        response = resolve(response);
        JsonNode content = response.path("content");
        if (content.isMissingNode() || content.isEmpty()) {
            return body.isEmpty() ? List.of() : List.of(what + ": a body where the document lists none");
        }
        JsonNode media = content.path(type);
        if (media.isMissingNode()) {
            return List.of(what + ": the document lists " + names(content) + " for " + status);
        }
        if ((type.equals("application/json") || type.endsWith("+json")) && media.has("schema")) {
            return validate(what, media.path("schema"), body);
        }
        if (type.equals("application/x-ndjson") && media.path("schema").has("x-ndjson-line")) {
            JsonNode line =
                    ref(media.path("schema").path("x-ndjson-line").asText().replace("#/components/schemas/", ""));
            List<String> problems = new ArrayList<>();
            body.lines().filter(l -> !l.isBlank()).limit(100).forEach(l -> problems.addAll(validate(what, line, l)));
            return problems;
        }
        return List.of();
    }

    /** What the document says a stream at {@code path} sends: its event's name and data schema. */
    public JsonNode streamSchema(String path) {
        return document.path("paths")
                .path(path)
                .path("get")
                .path("responses")
                .path("200")
                .path("content")
                .path("text/event-stream")
                .path("schema");
    }

    /** The data of one Server-Sent Event against the schema the document gives for the stream's events. */
    public List<String> eventProblems(String path, String event, String data) {
        JsonNode schema = streamSchema(path);
        if (!event.equals(schema.path("x-sse-event").asText())) {
            return List.of(path + " sent an event named '" + event + "'; the document names '"
                    + schema.path("x-sse-event").asText() + "'");
        }
        return validate(path + " event " + event, schema.path("x-sse-data"), data);
    }

    private List<String> validate(String what, JsonNode schema, String body) {
        JsonNode value;
        try {
            value = JSON.readTree(body);
        } catch (IOException e) {
            return List.of(what + ": body is not JSON: " + body);
        }
        if (value == null) {
            return List.of(what + ": empty body where the document lists one");
        }
        JsonSchema validator = schemas.computeIfAbsent(schema.toString(), key -> compile(schema));
        Set<ValidationMessage> messages = validator.validate(value);
        return messages.stream()
                .map(m -> what + ": " + m.getMessage() + " in "
                        + (body.length() > 600 ? body.substring(0, 600) + "..." : body))
                .toList();
    }

    /** A schema of the document, with the document's components beside it so that its references resolve. */
    private JsonSchema compile(JsonNode schema) {
        ObjectNode root = JSON.createObjectNode();
        // OpenAPI 3.1's dialect: JSON Schema 2020-12 with OpenAPI's own keywords (example, discriminator, ...).
        root.put("$schema", DIALECT.getIri());
        root.set("components", document.path("components"));
        root.set("allOf", JSON.createArrayNode().add(schema));
        return FACTORY.getSchema(root);
    }

    private JsonNode resolve(JsonNode response) {
        String ref = response.path("$ref").asText("");
        return ref.isEmpty()
                ? response
                : document.path("components").path("responses").path(ref.substring(ref.lastIndexOf('/') + 1));
    }

    private static JsonNode ref(String schema) {
        return JSON.createObjectNode().put("$ref", "#/components/schemas/" + schema);
    }

    private static List<String> names(JsonNode node) {
        List<String> names = new ArrayList<>();
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            names.add(it.next());
        }
        return names;
    }

    private static JsonNode read(Path path) {
        try {
            return JSON.readTree(path.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException("the API description " + path.toAbsolutePath() + " cannot be read", e);
        }
    }
}

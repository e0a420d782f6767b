package org.negotiationledger.api.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.function.BiFunction;
import org.junit.jupiter.api.Test;
import org.negotiationledger.api.ApiTest;
import org.negotiationledger.api.Http;
import org.negotiationledger.api.TestUsers;
import org.negotiationledger.api.WriteEndpoints.Endpoint;

/**
 * Ten thousand malformed, mutated or hostile requests across every write endpoint, generated from a fixed
 * seed: each is answered with a 4xx problem details document, none records an event, and the server answers
 * normally afterwards. Every mutation makes a request invalid (a required field removed, never an optional
 * one; a wrong type, never a null where null is allowed), so any event recorded is a defect.
 */
class HostileInputTest extends ApiTest {

    private static final int REQUESTS = 10_000;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final List<String> HOSTILE = List.of(
            "'; DROP TABLE DomainEventEntry; --",
            "\" OR 1=1 --",
            "<script>alert(1)</script>",
            "${jndi:ldap://x/a}",
            "../../../../etc/passwd",
            "a\u0000b",
            "\u202Eevil",
            "ÅRMENIA",
            "Armenia",
            "a b",
            "a/b",
            "-leading",
            "x".repeat(101),
            "%00",
            "{{7*7}}",
            "#{7*7}",
            "😀",
            "",
            " ",
            "__proto__");
    private static final List<String> BAD_TIMES = List.of(
            "9999-12-31T23:59+00:00",
            "0001-01-01T00:00Z",
            "1899-12-31T23:59Z",
            "2200-01-01T00:00Z",
            "2020-13-45T25:61+04:00",
            "2020-10-10T12:00",
            "+292278994-08-17T07:12:55.807Z",
            "NaN",
            "",
            "yesterday",
            "2020-10-10T12:00+25:00",
            "2020-10-10T12:00+04:00[Mars/Olympus]",
            "1602316800");

    private final Random random = new Random(20201010);
    private String foreignTruce;
    private String accused;
    /** The stated times of things that have happened, which may not lie in the future of their receipt. */
    private static final List<String> HAPPENED =
            List.of("agreedAt", "madeAt", "occurredAt", "assessedAt", "issuedAt", "endedAt", "startedAt");

    @Test
    void tenThousandHostileRequestsAreRefusedAsProblemDetailsAndRecordNothing() throws Exception {
        World world = world();
        List<Endpoint> endpoints = writeEndpoints(world);
        // A truce of another negotiation, which no truce of this one may renew or supersede.
        String elsewhere = unique("negotiation");
        created(http.post("/api/v1/negotiations", """
                {"id": "%s", "title": "Elsewhere", "parties": ["%s", "%s"], "mediators": []}""".formatted(elsewhere, world.a(), world.b())));
        foreignTruce = unique("truce");
        created(http.post(
                "/api/v1/truces", truce(foreignTruce, elsewhere, world.a(), world.b(), world.mediator(), "")));
        accused = world.b();
        List<BiFunction<Endpoint, ObjectNode, Http.Response>> attacks = attacks();
        long before = eventCount();
        Map<Integer, Integer> statuses = new TreeMap<>();

        for (int i = 0; i < REQUESTS; i++) {
            Endpoint endpoint = endpoints.get(random.nextInt(endpoints.size()));
            ObjectNode body = (ObjectNode) JSON.readTree(endpoint.body());
            int attack = random.nextInt(attacks.size());
            Http.Response response = attacks.get(attack).apply(endpoint, body);
            statuses.merge(response.status(), 1, Integer::sum);
            assertThat(response.status())
                    .as("request %d (attack %d) to %s: %s", i, attack, endpoint.path(), response.text())
                    .isBetween(400, 499);
            assertThat(response.contentType())
                    .as("request %d: %s", i, response.text())
                    .startsWith("application/problem+json");
            assertThat(response.json().get("status").asInt()).isEqualTo(response.status());
            assertThat(response.header("X-Content-Type-Options"))
                    .as("request %d: security headers", i)
                    .isEqualTo("nosniff");
            assertThat(response.header("Content-Security-Policy"))
                    .as("request %d: security headers", i)
                    .isNotNull();
        }

        assertThat(eventCount()).as("events recorded by hostile requests").isEqualTo(before);
        System.out.println("Hostile requests by answer: " + statuses);
        assertThat(statuses.keySet()).contains(400, 401, 403, 406, 413, 415, 422);
        for (Endpoint endpoint : endpoints) {
            assertThat(http.as(TestUsers.MEDIATOR)
                            .post(endpoint.path(), endpoint.body())
                            .status())
                    .as("a valid %s afterwards", endpoint.path())
                    .isEqualTo(201);
        }
    }

    private List<BiFunction<Endpoint, ObjectNode, Http.Response>> attacks() {
        Http mediator = http.as(TestUsers.MEDIATOR);
        List<BiFunction<Endpoint, ObjectNode, Http.Response>> attacks = new ArrayList<>();
        // A required field missing.
        attacks.add((e, body) -> {
            remove(body, pick(e.required()));
            return mediator.post(e.path(), body.toString());
        });
        // A field of the wrong JSON type.
        attacks.add((e, body) -> {
            List<String> fields = new ArrayList<>();
            body.fieldNames().forEachRemaining(fields::add);
            String field = pick(fields);
            body.set(field, wrongType(body.get(field)));
            return mediator.post(e.path(), body.toString());
        });
        // A hostile string where an id (or, lacking one, an enum value) belongs.
        attacks.add((e, body) -> {
            set(body, pick(e.ids().isEmpty() ? e.enums() : e.ids()), NODES.textNode(pick(HOSTILE)));
            return mediator.post(e.path(), body.toString());
        });
        // An enum value that is not one (a time that is not one, or an id that is not one, where there is none).
        attacks.add((e, body) -> {
            if (e.enums().isEmpty()) {
                set(body, pick(e.times().isEmpty() ? e.ids() : e.times()), NODES.textNode(pick(BAD_TIMES)));
            } else {
                set(body, pick(e.enums()), NODES.textNode(random.nextBoolean() ? pick(HOSTILE) : "confirmed"));
            }
            return mediator.post(e.path(), body.toString());
        });
        // A time outside any sane range, or not a time.
        attacks.add((e, body) -> {
            if (e.times().isEmpty()) {
                body.put("expectedVersion", -1 - random.nextInt(1000));
            } else {
                set(body, pick(e.times()), NODES.textNode(pick(BAD_TIMES)));
            }
            return mediator.post(e.path(), body.toString());
        });
        // A huge value: over the field's limit, over the JSON string limit, or over the body limit.
        attacks.add((e, body) -> {
            int[] sizes = {20_001, 150_000, 400_000};
            String text = "x".repeat(sizes[random.nextInt(sizes.length)]);
            set(body, e.texts().isEmpty() ? "note" : pick(e.texts()), NODES.textNode(text));
            if (e.texts().isEmpty() && text.length() <= 20_000) {
                body.put("unexpected", text);
            }
            return mediator.post(e.path(), body.toString());
        });
        // A number that is not a sane one.
        attacks.add((e, body) -> {
            String[] numbers = {"-1", "1e400", "123456789012345678901234567890123456789", "1.5", "\"3\"", "NaN"};
            String json = body.toString();
            return mediator.post(
                    e.path(),
                    json.substring(0, json.length() - 1) + ", \"expectedVersion\": "
                            + numbers[random.nextInt(numbers.length)] + "}");
        });
        // A field the request does not have, some of them names an attacker would try.
        attacks.add((e, body) -> {
            body.put(
                    pick(List.of(
                            "principal",
                            "recordedAt",
                            "__proto__",
                            "constructor",
                            "globalIndex",
                            "Principal",
                            "x".repeat(200))),
                    pick(HOSTILE));
            return mediator.post(e.path(), body.toString());
        });
        // Broken UTF-8 inside a string.
        attacks.add((e, body) -> {
            byte[] json = body.toString().getBytes(StandardCharsets.UTF_8);
            byte[][] broken = {
                {(byte) 0xC3, 0x28},
                {(byte) 0xE2, (byte) 0x82},
                {(byte) 0xFF},
                {(byte) 0xF0, (byte) 0x9F, 0x41},
                {(byte) 0xED, (byte) 0xA0, (byte) 0x80}
            };
            return mediator.post(e.path(), insideFirstString(json, broken[random.nextInt(broken.length)]));
        });
        // Malformed JSON: cut short, trailing garbage, nested too deep, not an object.
        attacks.add((e, body) -> {
            String json = body.toString();
            String[] spoiled = {
                json.substring(0, 1 + random.nextInt(json.length() - 1)),
                json + "}",
                json + " x",
                "[".repeat(40) + "]".repeat(40),
                "{\"a\":" + "{\"b\":".repeat(30) + "1" + "}".repeat(31),
                "null",
                "[" + json + "]",
                "",
                "\"" + json + "\"",
                json.replace("\"", "'")
            };
            return mediator.post(e.path(), spoiled[random.nextInt(spoiled.length)]);
        });
        // Not JSON at all.
        attacks.add((e, body) -> mediator.post(
                e.path(),
                "id=x&name=y",
                "Content-Type",
                pick(List.of(
                        "text/plain",
                        "application/x-www-form-urlencoded",
                        "application/xml",
                        "multipart/form-data; boundary=x"))));
        // The wrong role, no credentials, or credentials that are not credentials.
        attacks.add((e, body) ->
                http.as(pick(List.of(TestUsers.VIEWER, TestUsers.AUDITOR))).post(e.path(), e.body()));
        attacks.add((e, body) -> http.withAuthorization(pick(java.util.Arrays.asList(
                        null,
                        "Basic !!!",
                        "Bearer x.y.z",
                        "Digest username=\"tester\"",
                        "Basic " + java.util.Base64.getEncoder().encodeToString("tester".getBytes()),
                        TestUsers.basic(TestUsers.MEDIATOR) + "x")))
                .post(e.path(), e.body()));
        // A valid request the server must refuse before running it: an answer it cannot give (406), a body
        // compressed or in another charset (415), an Idempotency-Key that is not one (400). Refused means unrecorded.
        attacks.add((e, body) -> mediator.post(
                e.path(),
                e.body(),
                "Accept",
                pick(List.of("text/html", "application/xml", "text/plain", "image/png, text/html;q=0.5"))));
        attacks.add((e, body) -> mediator.post(
                e.path(), e.body(), "Content-Encoding", pick(List.of("gzip", "br", "deflate", "compress, gzip"))));
        attacks.add((e, body) -> mediator.post(
                e.path(),
                e.body(),
                "Content-Type",
                "application/json; charset=" + pick(List.of("ISO-8859-1", "UTF-16", "windows-1252", "\"latin1\""))));
        // (The HTTP client sends non-ASCII header bytes as '?': ErrorAnswersTest sends those on a socket.)
        attacks.add((e, body) -> mediator.post(
                e.path(),
                e.body(),
                "Idempotency-Key",
                pick(List.of("a b", "x".repeat(201), "two  spaces", "tab\tkey"))));
        // A key given twice, the second time with another value.
        attacks.add((e, body) -> {
            String field = body.fieldNames().next();
            String json = body.toString();
            return mediator.post(
                    e.path(),
                    json.substring(0, json.length() - 1) + ", \"" + field + "\": " + wrongType(body.get(field)) + "}");
        });
        // Well-formed bytes that two decoders read differently: overlong forms, surrogates, beyond U+10FFFF.
        attacks.add((e, body) -> {
            byte[] json = body.toString().getBytes(StandardCharsets.UTF_8);
            byte[][] lenient = {
                {(byte) 0xC0, (byte) 0xAF},
                {(byte) 0xC1, (byte) 0xBF},
                {(byte) 0xE0, (byte) 0x80, (byte) 0xAF},
                {(byte) 0xF0, (byte) 0x80, (byte) 0x80, (byte) 0xAF},
                {(byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80}
            };
            return mediator.post(e.path(), insideFirstString(json, lenient[random.nextInt(lenient.length)]));
        });
        // Characters no text may hold: C1 controls, bidirectional overrides and isolates, noncharacters.
        attacks.add((e, body) -> {
            String bad = "a"
                    + pick(List.of(
                            "\u0085",
                            "\u009b",
                            "\u202e",
                            "\u202a",
                            "\u2066",
                            "\u2069",
                            "\ufffe",
                            "\uffff",
                            "\ufdd0",
                            "\ud83f\udffe"))
                    + "b";
            set(
                    body,
                    e.texts().isEmpty() ? pick(e.enums().isEmpty() ? e.ids() : e.enums()) : pick(e.texts()),
                    NODES.textNode(bad));
            return mediator.post(e.path(), body.toString());
        });
        // A name, title or required text with nothing visible in it; else an enum value padded with spaces.
        attacks.add((e, body) -> {
            List<String> names = e.texts().stream().filter(NAMES::contains).toList();
            if (!names.isEmpty()) {
                set(
                        body,
                        pick(names),
                        NODES.textNode(
                                pick(List.of("\u200b\u00a0", "\u2800", "\u3164", " \u200d ", "\u2028", "\ufeff"))));
            } else if (!e.enums().isEmpty()) {
                String field = pick(e.enums());
                String value = get(body, field).asText();
                set(body, field, NODES.textNode(random.nextBoolean() ? value + " " : "\t" + value));
            } else {
                // A point with one coordinate.
                body.set("location", NODES.objectNode().put("name", "x").put("latitude", 39.6));
            }
            return mediator.post(e.path(), body.toString());
        });
        // Against a rule a mediator would expect (422): a reporter accusing itself, the accused assessing the report
        // against it, a truce superseding one of another negotiation, a thing that happened stated in the future.
        attacks.add((e, body) -> {
            if (body.has("reportedBy")) {
                body.put("accused", body.get("reportedBy").asText());
            } else if (body.has("assessedBy")) {
                body.put("assessedBy", accused);
            } else if (e.path().endsWith("/truces") && random.nextBoolean()) {
                if (random.nextBoolean()) {
                    body.set("supersedes", NODES.arrayNode().add(foreignTruce));
                } else {
                    body.put("renews", foreignTruce);
                }
            } else {
                List<String> happened =
                        e.times().stream().filter(HAPPENED::contains).toList();
                if (happened.isEmpty()) {
                    body.put("principal", "someone");
                } else {
                    set(
                            body,
                            pick(happened),
                            NODES.textNode(pick(List.of("2150-01-01T00:00Z", "2199-12-31T23:59+04:00"))));
                }
            }
            return mediator.post(e.path(), body.toString());
        });
        // References to records that do not exist (well formed: 422), and a path naming no record (404) or no id.
        attacks.add((e, body) -> {
            List<String> references =
                    e.ids().stream().filter(field -> !field.equals("id")).toList();
            if (references.isEmpty()) {
                return mediator.post(
                        "/api/v1/commitments/" + pick(List.of("no-such-truce", "UPPER", "a".repeat(150))) + "/end",
                        body.toString());
            }
            set(body, pick(references), NODES.textNode("ghost-" + random.nextInt(1_000_000)));
            return mediator.post(e.path(), body.toString());
        });
        return attacks;
    }

    /** The fields that name or say something, which must hold a visible character. */
    private static final List<String> NAMES = List.of("name", "title", "venue", "reason", "text");

    private static JsonNode get(ObjectNode body, String path) {
        JsonNode node = body;
        for (String part : path.split("\\.")) {
            node = node.isArray() ? node.get(Integer.parseInt(part)) : node.get(part);
        }
        return node;
    }

    private String pick(List<String> options) {
        return options.get(random.nextInt(options.size()));
    }

    private JsonNode wrongType(JsonNode value) {
        List<JsonNode> wrong = new ArrayList<>();
        if (!value.isNumber()) {
            wrong.add(NODES.numberNode(random.nextInt()));
        }
        if (!value.isBoolean()) {
            wrong.add(NODES.booleanNode(random.nextBoolean()));
        }
        if (!value.isArray()) {
            wrong.add(NODES.arrayNode().add("x"));
        }
        if (!value.isObject()) {
            wrong.add(NODES.objectNode().put("x", 1));
        }
        if (!value.isTextual() && !value.isObject()) {
            wrong.add(NODES.textNode("x"));
        }
        return wrong.get(random.nextInt(wrong.size()));
    }

    /** Sets a field at a dotted path (numbers index arrays). */
    private static void set(ObjectNode body, String path, JsonNode value) {
        String[] parts = path.split("\\.");
        JsonNode node = body;
        for (int i = 0; i < parts.length - 1; i++) {
            node = node.isArray() ? node.get(Integer.parseInt(parts[i])) : node.get(parts[i]);
        }
        String last = parts[parts.length - 1];
        if (node.isArray()) {
            ((ArrayNode) node).set(Integer.parseInt(last), value);
        } else {
            ((ObjectNode) node).set(last, value);
        }
    }

    private static void remove(ObjectNode body, String field) {
        body.remove(field);
    }

    /** The JSON with these bytes put inside the value of its first field. */
    private static byte[] insideFirstString(byte[] json, byte[] bad) {
        int at = indexAfterFirstQuote(json);
        byte[] spoiled = new byte[json.length + bad.length];
        System.arraycopy(json, 0, spoiled, 0, at);
        System.arraycopy(bad, 0, spoiled, at, bad.length);
        System.arraycopy(json, at, spoiled, at + bad.length, json.length - at);
        return spoiled;
    }

    private static int indexAfterFirstQuote(byte[] json) {
        for (int i = 0; i < json.length; i++) {
            if (json[i] == '"') {
                // Inside the first field's value: after the name's closing quote, the colon and the opening quote.
                for (int j = i + 1, quotes = 1; j < json.length; j++) {
                    if (json[j] == '"' && ++quotes == 3) {
                        return j + 1;
                    }
                }
            }
        }
        return 1;
    }
}

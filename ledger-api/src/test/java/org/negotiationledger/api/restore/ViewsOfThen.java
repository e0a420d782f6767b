package org.negotiationledger.api.restore;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.negotiationledger.api.Http;

/** The views' answers saved with the legacy history ({@code legacy/views.json}), and the check that a ledger still gives them. */
final class ViewsOfThen {

    private static final ObjectMapper JSON = new ObjectMapper();

    private ViewsOfThen() {}

    private static Map<String, JsonNode> answersThen() {
        try (InputStream saved = ViewsOfThen.class.getResourceAsStream("/legacy/views.json")) {
            ObjectNode views = (ObjectNode) JSON.readTree(saved);
            Map<String, JsonNode> answers = new java.util.LinkedHashMap<>();
            views.fields().forEachRemaining(view -> answers.put(view.getKey(), view.getValue()));
            return answers;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Every view answers as it did: every field it had, with the value it had (record times included: the
     * restore keeps them), every list as long and in the same order. A field added since is no difference: the
     * contract grows, existing answers stay. What must differ is the moment statuses are judged at (a commitment's,
     * a party record's) when the request names none ({@code validAt}: the moment of asking), which must be now.
     */
    static void answerAsThen(Http http) {
        Instant asked = Instant.now();
        List<String> differences = new ArrayList<>();
        answersThen().forEach((path, then) -> {
            Http.Response now = http.get(path);
            assertThat(now.status()).as(path).isEqualTo(200);
            JsonNode answer = now.json();
            boolean judgedNow =
                    !path.contains("validAt=") && (path.startsWith("/api/v1/commitments") || path.endsWith("/record"));
            if (judgedNow) {
                for (JsonNode status : answer.isArray() ? answer : List.of(answer)) {
                    if (status.has("validAt")) {
                        assertThat(Instant.parse(status.get("validAt").asText()))
                                .as(path)
                                .isAfterOrEqualTo(asked.truncatedTo(ChronoUnit.MILLIS));
                        ((ObjectNode) status).remove("validAt");
                    }
                }
                then = then.deepCopy();
                for (JsonNode status : then.isArray() ? then : List.of(then)) {
                    ((ObjectNode) status).remove("validAt");
                }
            }
            compare(path, then, answer, differences);
        });
        assertThat(differences).isEmpty();
    }

    private static void compare(String where, JsonNode then, JsonNode now, List<String> differences) {
        if (then.isObject()) {
            if (!now.isObject()) {
                differences.add(where + ": was an object, is " + now);
                return;
            }
            for (Iterator<Map.Entry<String, JsonNode>> fields = then.fields(); fields.hasNext(); ) {
                Map.Entry<String, JsonNode> field = fields.next();
                JsonNode value = now.get(field.getKey());
                if (value == null) {
                    differences.add(where + "." + field.getKey() + ": missing (was " + field.getValue() + ")");
                } else {
                    compare(where + "." + field.getKey(), field.getValue(), value, differences);
                }
            }
        } else if (then.isArray()) {
            if (!now.isArray() || now.size() != then.size()) {
                differences.add(where + ": was " + then.size() + " entries, is " + now);
                return;
            }
            for (int i = 0; i < then.size(); i++) {
                compare(where + "[" + i + "]", then.get(i), now.get(i), differences);
            }
        } else if (!then.equals(now)) {
            differences.add(where + ": was " + then + ", is " + now);
        }
    }
}

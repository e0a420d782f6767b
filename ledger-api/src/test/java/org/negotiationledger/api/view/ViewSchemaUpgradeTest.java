package org.negotiationledger.api.view;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.negotiationledger.api.ApiTest;
import org.negotiationledger.api.Http;
import org.negotiationledger.api.LedgerInstance;
import org.negotiationledger.projections.fold.TimelineFact;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A ledger whose views an earlier server built under an older view schema starts on this one: it rebuilds the
 * views into the current schema, and the timeline answers as before while the old rows serve (but for what the
 * old rows do not hold: the report an entry is about) and the same as before once the rebuilt ones do.
 */
class ViewSchemaUpgradeTest {

    private static final String TIMELINE = "/api/v1/negotiations/nagorno-karabakh-2020/timeline";
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Schema 1: the sentence in place of the facts, so no entry names its report. */
    @Test
    void timelineRowsOfSchemaOneAnswerAsBeforeAndAreRebuiltIntoTheCurrentSchema() throws Exception {
        upgradedFrom(
                1,
                state -> {
                    TimelineFact fact = JSON.treeToValue(state.remove("fact"), TimelineFact.class);
                    state.put("summary", TimelineSentences.of(fact));
                },
                Set.of("ViolationReported", "ViolationAssessed", "ViolationReportRetracted"));
    }

    /** Schema 2: the facts, but a report's own fact without its violationId (its findings and retraction had one). */
    @Test
    void timelineRowsOfSchemaTwoAnswerAsBeforeAndAreRebuiltIntoTheCurrentSchema() throws Exception {
        upgradedFrom(
                2,
                state -> {
                    ObjectNode fact = (ObjectNode) state.get("fact");
                    if ("Reported".equals(fact.get("@type").asText())) {
                        fact.remove("violationId");
                    }
                },
                Set.of("ViolationReported"));
    }

    /**
     * Builds the demo history's views, rewrites them as a server of {@code schema} left them, and starts this
     * server on them: while they serve, the entries of the {@code unnamed} types answer without a violationId;
     * once the rebuild took over, every entry answers as it did before.
     */
    private static void upgradedFrom(int schema, Rewrite rewrite, Set<String> unnamed) throws Exception {
        Path dir = ApiTest.temporaryDirectory("ledger-schema-upgrade");
        Map<String, String> data = Map.of("ledger.data-dir", dir.toString());
        Map<String, String> withDemo = new LinkedHashMap<>(data);
        withDemo.put("ledger.demo-history.enabled", "true");
        JsonNode before;
        try (LedgerInstance earlier = LedgerInstance.start(withDemo)) {
            ViewsCaughtUp.await(earlier.http());
            before = earlier.http().get(TIMELINE).json();
        }
        assertThat(before.findValues("violationId").stream().filter(v -> !v.isNull()))
                .as("the demo history's reports, findings and retractions name their reports")
                .isNotEmpty();
        assertThat(asWrittenUnder(dir, schema, rewrite)).isGreaterThanOrEqualTo(before.size());
        JsonNode whileOldRowsServe = withoutViolationIds(before, unnamed);

        try (LedgerInstance upgraded = LedgerInstance.start(data)) {
            Http http = upgraded.http();
            // The rebuild may already have taken over: either answer is right at this moment.
            assertThat(http.get(TIMELINE).json()).isIn(whileOldRowsServe, before);
            JdbcTemplate jdbc = upgraded.bean(JdbcTemplate.class);
            ViewsCaughtUp.rebuiltIntoTheCurrentSchema(jdbc, 2);
            ViewsCaughtUp.await(http);
            assertThat(http.get(TIMELINE).json()).isEqualTo(before);
            assertThat(jdbc.queryForList("SELECT state FROM view_timeline_g2", String.class))
                    .isNotEmpty()
                    .allSatisfy(row -> assertThat(row).contains("\"fact\"").doesNotContain("\"summary\""))
                    .filteredOn(row -> row.contains("\"@type\":\"Reported\""))
                    .isNotEmpty()
                    .allSatisfy(row -> assertThat(row).contains("\"violationId\""));
        }
    }

    /** The timeline's answer with no violationId on the entries of these types. */
    private static JsonNode withoutViolationIds(JsonNode timeline, Set<String> types) {
        ArrayNode answer = timeline.deepCopy();
        answer.forEach(entry -> {
            if (types.contains(entry.get("type").asText())) {
                ((ObjectNode) entry).putNull("violationId");
            }
        });
        return answer;
    }

    /** How a server of an older schema wrote one timeline row, from the row as this one wrote it. */
    private interface Rewrite {
        void apply(ObjectNode state) throws Exception;
    }

    /**
     * Rewrites generation 1's timeline rows as a server of view schema {@code schema} wrote them and marks the
     * generation built under it: as such a server left the ledger, with none running.
     */
    private static int asWrittenUnder(Path dir, int schema, Rewrite rewrite) throws Exception {
        int rewritten = 0;
        try (Connection h2 = DriverManager.getConnection("jdbc:h2:file:" + dir + "/ledger", "sa", "");
                PreparedStatement rows =
                        h2.prepareStatement("SELECT negotiation_id, global_index, entry, state FROM view_timeline_g1");
                PreparedStatement update = h2.prepareStatement("UPDATE view_timeline_g1 SET state = ? "
                        + "WHERE negotiation_id = ? AND global_index = ? AND entry = ?");
                ResultSet row = rows.executeQuery()) {
            while (row.next()) {
                ObjectNode state = (ObjectNode) JSON.readTree(row.getString(4));
                rewrite.apply(state);
                update.setString(1, JSON.writeValueAsString(state));
                update.setString(2, row.getString(1));
                update.setLong(3, row.getLong(2));
                update.setInt(4, row.getInt(3));
                rewritten += update.executeUpdate();
            }
            try (PreparedStatement built =
                    h2.prepareStatement("UPDATE view_rebuild SET schema_version = ? WHERE id = 1")) {
                built.setInt(1, schema);
                built.executeUpdate();
            }
        }
        return rewritten;
    }
}

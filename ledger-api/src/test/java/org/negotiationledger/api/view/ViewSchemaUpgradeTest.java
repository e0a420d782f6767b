package org.negotiationledger.api.view;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.negotiationledger.api.ApiTest;
import org.negotiationledger.api.Http;
import org.negotiationledger.api.LedgerInstance;
import org.negotiationledger.projections.fold.TimelineFact;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A ledger whose views an earlier server built under view schema 1 (timeline rows holding their sentences)
 * starts on this one: it rebuilds the views into the current schema, and the timeline answers the same while
 * the old rows serve and once the rebuilt ones do.
 */
class ViewSchemaUpgradeTest {

    private static final String TIMELINE = "/api/v1/negotiations/nagorno-karabakh-2020/timeline";

    @Test
    void timelineRowsOfSchemaOneAnswerAsBeforeAndAreRebuiltIntoTheCurrentSchema() throws Exception {
        Path dir = ApiTest.temporaryDirectory("ledger-schema-upgrade");
        Map<String, String> data = Map.of("ledger.data-dir", dir.toString());
        Map<String, String> withDemo = new LinkedHashMap<>(data);
        withDemo.put("ledger.demo-history.enabled", "true");
        JsonNode before;
        try (LedgerInstance earlier = LedgerInstance.start(withDemo)) {
            ViewsCaughtUp.await(earlier.http());
            before = earlier.http().get(TIMELINE).json();
        }
        assertThat(asWrittenUnderSchemaOne(dir)).isGreaterThanOrEqualTo(before.size());

        try (LedgerInstance upgraded = LedgerInstance.start(data)) {
            Http http = upgraded.http();
            assertThat(http.get(TIMELINE).json()).isEqualTo(before);
            JdbcTemplate jdbc = upgraded.bean(JdbcTemplate.class);
            ViewsCaughtUp.rebuiltIntoTheCurrentSchema(jdbc, 2);
            ViewsCaughtUp.await(http);
            assertThat(http.get(TIMELINE).json()).isEqualTo(before);
            assertThat(jdbc.queryForList("SELECT state FROM view_timeline_g2", String.class))
                    .isNotEmpty()
                    .allSatisfy(row -> assertThat(row).contains("\"fact\"").doesNotContain("\"summary\""));
        }
    }

    /**
     * Rewrites generation 1's timeline rows as a server of view schema 1 wrote them (the sentence in place of the
     * facts) and marks the generation built under schema 1: as such a server left the ledger, with none running.
     */
    private static int asWrittenUnderSchemaOne(Path dir) throws Exception {
        ObjectMapper json = new ObjectMapper();
        int rewritten = 0;
        try (Connection h2 = DriverManager.getConnection("jdbc:h2:file:" + dir + "/ledger", "sa", "");
                PreparedStatement rows =
                        h2.prepareStatement("SELECT negotiation_id, global_index, entry, state FROM view_timeline_g1");
                PreparedStatement update = h2.prepareStatement("UPDATE view_timeline_g1 SET state = ? "
                        + "WHERE negotiation_id = ? AND global_index = ? AND entry = ?");
                ResultSet row = rows.executeQuery()) {
            while (row.next()) {
                ObjectNode state = (ObjectNode) json.readTree(row.getString(4));
                TimelineFact fact = json.treeToValue(state.remove("fact"), TimelineFact.class);
                state.put("summary", TimelineSentences.of(fact));
                update.setString(1, json.writeValueAsString(state));
                update.setString(2, row.getString(1));
                update.setLong(3, row.getLong(2));
                update.setInt(4, row.getInt(3));
                rewritten += update.executeUpdate();
            }
            h2.createStatement().executeUpdate("UPDATE view_rebuild SET schema_version = 1 WHERE id = 1");
        }
        return rewritten;
    }
}

package org.negotiationledger.api.store;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.negotiationledger.api.LedgerInstance;
import org.springframework.jdbc.core.JdbcTemplate;
import org.junit.jupiter.api.Assumptions;

/**
 * The event store on PostgreSQL (the {@code postgres} profile), each test in a schema of its own that is
 * dropped afterwards. Skipped, not failed, where no PostgreSQL answers at {@code LEDGER_TEST_PG_URL}
 * (default {@code jdbc:postgresql://127.0.0.1:5432/test}, user {@code postgres}, no password).
 */
class PostgresEventStoreTest extends EventStoreContract {

    static final String URL = env("LEDGER_TEST_PG_URL", "jdbc:postgresql://127.0.0.1:5432/test");
    static final String USER = env("LEDGER_TEST_PG_USER", "postgres");
    static final String PASSWORD = env("LEDGER_TEST_PG_PASSWORD", "");
    private static final List<String> SCHEMAS = new ArrayList<>();

    @BeforeAll
    static void postgresAnswers() {
        DriverManager.setLoginTimeout(3);
        try (Connection ignored = DriverManager.getConnection(URL, USER, PASSWORD)) {
            // it answers
        } catch (SQLException e) {
            Assumptions.abort("PostgreSQL does not answer at " + URL + " (" + e.getMessage()
                    + "): the PostgreSQL storage tests are skipped. Set LEDGER_TEST_PG_URL to run them.");
        }
    }

    @AfterAll
    static void dropSchemas() throws SQLException {
        try (Connection connection = DriverManager.getConnection(URL, USER, PASSWORD)) {
            for (String schema : SCHEMAS) {
                connection.createStatement().execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
            }
        }
    }

    @Override
    Map<String, String> database() {
        String schema = "ledger_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        SCHEMAS.add(schema);
        return Map.of(
                "spring.datasource.url", URL + (URL.contains("?") ? "&" : "?") + "currentSchema=" + schema,
                "spring.datasource.username", USER,
                "spring.datasource.password", PASSWORD,
                "spring.flyway.schemas", schema);
    }

    @Override
    String[] profiles() {
        return new String[] {"postgres"};
    }

    @Test
    void eventsAreStoredAsReadableJsonInByteaColumnsNotLargeObjects() throws Exception {
        Map<String, String> database = database();
        try (LedgerInstance ledger = LedgerInstance.start(database, profiles())) {
            ledger.http().post("/api/v1/actors", """
                    {"id": "armenia", "name": "Republic of Armenia", "kind": "STATE"}""");
            JdbcTemplate jdbc = ledger.bean(JdbcTemplate.class);
            List<String> types = jdbc.queryForList("SELECT data_type FROM information_schema.columns WHERE "
                    + "table_schema = current_schema() AND table_name = 'domainevententry' "
                    + "AND column_name IN ('payload', 'metadata')", String.class);
            assertThat(types).containsOnly("bytea").hasSize(2);
            String payload = jdbc.queryForObject(
                    "SELECT convert_from(payload, 'UTF8') FROM domainevententry WHERE aggregateidentifier = 'actor:armenia'",
                    String.class);
            assertThat(new ObjectMapper().readTree(payload).get("name").asText()).isEqualTo("Republic of Armenia");
        }
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}

package org.negotiationledger.api.store;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.negotiationledger.api.LedgerInstance;
import org.negotiationledger.api.PostgresSchemas;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The event store on PostgreSQL (the {@code postgres} profile), each test in a schema of its own that is
 * dropped afterwards. Skipped, not failed, where no PostgreSQL answers at {@code LEDGER_TEST_PG_URL}
 * (default {@code jdbc:postgresql://127.0.0.1:5432/test}, user {@code postgres}, no password).
 */
class PostgresEventStoreTest extends EventStoreContract {

    @BeforeAll
    static void postgresAnswers() {
        PostgresSchemas.assumeAvailable("PostgreSQL storage tests");
    }

    @AfterAll
    static void dropSchemas() throws SQLException {
        PostgresSchemas.dropAll();
    }

    @Override
    Map<String, String> database() {
        return PostgresSchemas.newSchema();
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
            List<String> types = jdbc.queryForList(
                    "SELECT data_type FROM information_schema.columns WHERE "
                            + "table_schema = current_schema() AND table_name = 'domainevententry' "
                            + "AND column_name IN ('payload', 'metadata')",
                    String.class);
            assertThat(types).containsOnly("bytea").hasSize(2);
            String payload = jdbc.queryForObject(
                    "SELECT convert_from(payload, 'UTF8') FROM domainevententry WHERE aggregateidentifier = 'actor:armenia'",
                    String.class);
            assertThat(new ObjectMapper().readTree(payload).get("name").asText())
                    .isEqualTo("Republic of Armenia");
        }
    }
}

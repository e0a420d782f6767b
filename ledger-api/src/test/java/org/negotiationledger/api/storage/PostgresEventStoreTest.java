package org.negotiationledger.api.storage;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.negotiationledger.api.LedgerInstance;
import org.negotiationledger.api.OnPostgres;
import org.negotiationledger.api.TestDatabase;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The event store on PostgreSQL (the {@code postgres} profile), each test in a schema of its own that is
 * dropped afterwards. Skipped, not failed, where no PostgreSQL answers at {@code LEDGER_TEST_PG_URL}
 * (default {@code jdbc:postgresql://127.0.0.1:5432/test}, user {@code postgres}, no password).
 */
@ExtendWith(OnPostgres.class)
class PostgresEventStoreTest extends EventStoreContract {

    @Override
    TestDatabase database() {
        return TestDatabase.postgres();
    }

    @Test
    void eventsAreStoredAsReadableJsonInByteaColumnsNotLargeObjects() throws Exception {
        try (LedgerInstance ledger = database().start()) {
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

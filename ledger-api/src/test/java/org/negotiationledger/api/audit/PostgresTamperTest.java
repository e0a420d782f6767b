package org.negotiationledger.api.audit;

import java.sql.SQLException;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.negotiationledger.api.PostgresSchemas;

/** Tampering with PostgreSQL; skipped, saying so, where none answers. */
class PostgresTamperTest extends TamperContract {

    @BeforeAll
    static void postgresAnswers() {
        PostgresSchemas.assumeAvailable("PostgreSQL tamper tests");
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
}

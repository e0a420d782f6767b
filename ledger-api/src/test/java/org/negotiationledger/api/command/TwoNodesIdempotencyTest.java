package org.negotiationledger.api.command;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.negotiationledger.api.Http;
import org.negotiationledger.api.LedgerInstance;
import org.negotiationledger.api.PostgresSchemas;
import org.negotiationledger.api.SmallWorld;
import org.negotiationledger.api.TestDatabase;

/**
 * A client that lost the answer retries on another server of the same database, as it would behind a load
 * balancer: the retry answers as the first did and records nothing. PostgreSQL where it answers, else two
 * servers on one H2 file.
 */
class TwoNodesIdempotencyTest {

    @AfterAll
    static void dropSchemas() throws SQLException {
        if (PostgresSchemas.unavailable() == null) {
            PostgresSchemas.dropAll();
        }
    }

    @Test
    void aRetryOnAnotherNodeOfAReportWithoutAnIdAnswersAsTheFirstAndRecordsNothing() {
        TestDatabase database = TestDatabase.shared("ledger-two-nodes-idempotency");
        try (LedgerInstance one = database.start();
                LedgerInstance two = database.start()) {
            Http first = one.http();
            Http second = two.http();
            SmallWorld.partiesAndNegotiation(first);
            SmallWorld.truce(first, "moscow");

            // The README's report: no id, so the ledger assigns one.
            String report = """
                    {"reportedBy": "armenia", "accused": "azerbaijan", "occurredAt": "2020-10-10T12:05+04:00",
                     "location": {"name": "near Karakhanbeyli", "latitude": 39.6, "longitude": 47.0},
                     "description": "assault", "casualties": {"killed": 0, "injured": 2}, "source": "Armenian MoD"}""";
            Http.Response answered =
                    first.post("/api/v1/commitments/moscow/violations", report, "Idempotency-Key", "7f1c2a");
            assertThat(answered.status()).as(answered.text()).isEqualTo(201);
            long events = events(second);
            Http.Response retried =
                    second.post("/api/v1/commitments/moscow/violations", report, "Idempotency-Key", "7f1c2a");
            assertThat(retried.status()).as(retried.text()).isEqualTo(201);
            assertThat(retried.json()).isEqualTo(answered.json());
            assertThat(retried.location()).isEqualTo(answered.location());
            assertThat(events(second)).isEqualTo(events);
            assertThat(events(first)).isEqualTo(events);
        }
    }

    private static long events(Http http) {
        return http.get("/api/v1/audit/events?limit=1000").json().size();
    }
}

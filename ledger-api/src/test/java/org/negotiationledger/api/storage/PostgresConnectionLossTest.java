package org.negotiationledger.api.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.negotiationledger.api.Http;
import org.negotiationledger.api.LedgerInstance;
import org.negotiationledger.api.OnPostgres;
import org.negotiationledger.api.PostgresSchemas;
import org.negotiationledger.api.TestDatabase;

/**
 * PostgreSQL drops every connection of a server (as a restart or a failover does, SQLState 57P01 then 08xxx):
 * no request is answered {@code 500}, a write that meets a dead connection is {@code 503 storage-unavailable}, and
 * the server serves again by itself with new connections. Only this server's connections are ended (they carry an
 * application name of their own), never another test's or the machine's.
 */
@ExtendWith(OnPostgres.class)
class PostgresConnectionLossTest {

    @Test
    void connectionsEndedByPostgresqlAreReplacedAndNoRequestAnswers500() throws SQLException {
        String application = "ledger-loss-" + UUID.randomUUID().toString().substring(0, 8);
        try (LedgerInstance ledger = TestDatabase.postgres()
                .start(Map.of("spring.datasource.hikari.data-source-properties.ApplicationName", application))) {
            Http http = ledger.http();
            assertThat(post(http, "before").status()).isEqualTo(201);

            assertThat(endConnections(application)).as("connections ended").isPositive();
            for (int i = 0; i < 5; i++) {
                Http.Response answer = post(http, "during-" + i);
                assertThat(answer.status()).as(answer.text()).isIn(201, 503);
                if (answer.status() == 503) {
                    assertThat(answer.json().path("type").asText())
                            .isEqualTo("urn:problem:negotiation-ledger:storage-unavailable");
                    assertThat(answer.header("Retry-After")).isNotBlank();
                }
            }
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> post(http, "after").status() == 201);
            await().atMost(Duration.ofSeconds(60))
                    .until(() -> http.get("/api/v1/actors/after").status() == 200);
        }
    }

    private static Http.Response post(Http http, String id) {
        return http.post("/api/v1/actors", """
                {"id": "%s", "name": "Actor %s", "kind": "STATE"}""".formatted(id, id));
    }

    private static int endConnections(String application) throws SQLException {
        try (Connection connection = DriverManager.getConnection(
                        PostgresSchemas.URL, PostgresSchemas.USER, PostgresSchemas.PASSWORD);
                PreparedStatement end = connection.prepareStatement(
                        "SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity WHERE application_name = ?")) {
            end.setString(1, application);
            try (ResultSet ended = end.executeQuery()) {
                ended.next();
                return ended.getInt(1);
            }
        }
    }
}

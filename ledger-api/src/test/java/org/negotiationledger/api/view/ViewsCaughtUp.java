package org.negotiationledger.api.view;

import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import org.negotiationledger.api.Http;
import org.negotiationledger.projections.tables.ViewTables;
import org.springframework.jdbc.core.JdbcTemplate;

/** Waits, by polling, until the views have folded in the whole history. */
public final class ViewsCaughtUp {

    private ViewsCaughtUp() {}

    public static void await(Http http) {
        await(http, Duration.ofMinutes(2));
    }

    /**
     * Waits until a history has been recorded (the demo history, loaded as the server starts) and the views have
     * folded all of it: a server that has recorded nothing yet is caught up too, and would pass {@link #await}.
     */
    public static void awaitHistory(Http http) {
        until(http, Duration.ofMinutes(1), true);
    }

    public static void await(Http http, Duration atMost) {
        until(http, atMost, false);
    }

    /**
     * Waits until the rebuild a raised view schema asks for has switched, and the serving generation, built under
     * the current schema, is {@code generation}.
     */
    public static void rebuiltIntoTheCurrentSchema(JdbcTemplate jdbc, int generation) {
        org.awaitility.Awaitility.await()
                .atMost(Duration.ofSeconds(60))
                .until(() -> jdbc.queryForObject("SELECT schema_version FROM view_rebuild WHERE id = 1", Integer.class)
                        == ViewTables.SCHEMA);
        org.assertj.core.api.Assertions.assertThat(
                        jdbc.queryForObject("SELECT serving FROM view_rebuild WHERE id = 1", Integer.class))
                .isEqualTo(generation);
    }

    private static void until(Http http, Duration atMost, boolean nonEmpty) {
        org.awaitility.Awaitility.await()
                .atMost(atMost)
                .pollInterval(Duration.ofMillis(50))
                .until(() -> {
                    JsonNode progress = http.get("/api/v1/admin/replays/all").json();
                    return (!nonEmpty || progress.get("total").asLong() > 0)
                            && "DONE".equals(progress.get("state").asText())
                            && progress.get("done").asLong()
                                    == progress.get("total").asLong();
                });
    }
}

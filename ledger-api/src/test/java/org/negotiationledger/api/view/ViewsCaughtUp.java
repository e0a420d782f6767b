package org.negotiationledger.api.view;

import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import org.negotiationledger.api.Http;

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

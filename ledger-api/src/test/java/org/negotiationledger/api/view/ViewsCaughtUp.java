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

    public static void await(Http http, Duration atMost) {
        org.awaitility.Awaitility.await()
                .atMost(atMost)
                .pollInterval(Duration.ofMillis(50))
                .until(() -> {
                    JsonNode progress = http.get("/api/v1/admin/replays/all").json();
                    return "DONE".equals(progress.get("state").asText())
                            && progress.get("done").asLong()
                                    == progress.get("total").asLong();
                });
    }
}

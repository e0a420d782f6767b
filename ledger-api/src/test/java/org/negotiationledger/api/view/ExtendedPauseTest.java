package org.negotiationledger.api.view;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.negotiationledger.api.ApiTest;
import org.negotiationledger.api.Http;

/**
 * A four-day pause extended twice, each extension agreed before it would have run out, which collapsed on its
 * eighth morning (issue 28): one commitment over HTTP, at valid times and as of record times.
 */
class ExtendedPauseTest extends ApiTest {

    private String recordedAt(String aggregateId, int event) {
        return http.get("/api/v1/audit/events?aggregateId=" + aggregateId)
                .json()
                .get(event)
                .get("recordedAt")
                .asText();
    }

    private JsonNode pause(String pause, String query) {
        return http.get("/api/v1/commitments/" + pause + "?" + query.replace("+", "%2B"))
                .json();
    }

    private static String extension(String expiresAt, String agreedAt, String... agreedBy) {
        return """
                {"expiresAt": "%s", "agreedAt": "%s", "agreedBy": ["%s"], "source": "UN News"}""".formatted(expiresAt, agreedAt, String.join("\", \"", agreedBy));
    }

    @Test
    void anExtendedTwiceThenCollapsedPauseHoldsThroughBothExtensionsAndBrokeAfterItsOwnHours() {
        World w = world();
        String pause = unique("pause");
        created(http.post(
                "/api/v1/truces",
                truce(
                        pause,
                        w.negotiation(),
                        w.a(),
                        w.b(),
                        w.mediator(),
                        ", \"expiresAt\": \"2020-10-14T12:00+04:00\"")));
        String extensions = "/api/v1/commitments/" + pause + "/extension";
        created(http.post(extensions, extension("2020-10-16T12:00+04:00", "2020-10-13T20:00+04:00", w.a(), w.b())));
        created(http.post(
                extensions, extension("2020-10-17T12:00+04:00", "2020-10-15T20:00+04:00", w.a(), w.b(), w.mediator())));
        created(http.post(
                "/api/v1/commitments/" + pause + "/violations",
                violation("rockets", w.a(), w.b(), "2020-10-17T07:00+04:00")));
        created(http.post("/api/v1/commitments/" + pause + "/end", """
                {"reason": "COLLAPSED", "endedAt": "2020-10-17T07:00+04:00", "note": "each side accused the other"}"""));
        ViewsCaughtUp.await(http);

        for (String at : List.of(
                "2020-10-13T21:00+04:00",
                "2020-10-14T12:00+04:00",
                "2020-10-15T12:00+04:00",
                "2020-10-16T12:00+04:00",
                "2020-10-17T06:59+04:00")) {
            assertThat(pause(pause, "validAt=" + at).get("status").asText())
                    .as("at " + at)
                    .isEqualTo("HOLDING");
        }
        JsonNode beforeFirst = pause(pause, "validAt=2020-10-13T19:00+04:00");
        assertThat(beforeFirst.get("expiresAtUtc").asText())
                .as("before the first extension was agreed it was due to expire at the agreed time")
                .isEqualTo("2020-10-14T08:00:00Z");
        assertThat(pause(pause, "validAt=2020-10-15T12:00+04:00")
                        .get("expiresAtUtc")
                        .asText())
                .isEqualTo("2020-10-16T08:00:00Z");

        JsonNode collapsed = pause(pause, "");
        assertThat(collapsed.get("status").asText()).isEqualTo("ENDED");
        assertThat(collapsed.get("endedReason").asText()).isEqualTo("COLLAPSED");
        assertThat(collapsed.get("expiresAtUtc").asText()).isEqualTo("2020-10-17T08:00:00Z");
        assertThat(collapsed.get("minutesToFirstViolation").asLong())
                .as("from the pause's own effective time: 6 days and 19 hours")
                .isEqualTo((6 * 24 + 19) * 60);
        String broken = "/api/v1/commitments/broken?negotiationId=" + w.negotiation() + "&withinHours=";
        assertThat(ids(http.get(broken + "24").json())).doesNotContain(pause);
        assertThat(ids(http.get(broken + "168").json())).contains(pause);

        String truceRecorded = recordedAt(pause, 0);
        String firstRecorded = recordedAt(pause, 1);
        String secondRecorded = recordedAt(pause, 2);
        JsonNode asAgreed = pause(pause, "asOf=" + truceRecorded + "&validAt=2020-10-15T12:00+04:00");
        assertThat(asAgreed.get("status").asText()).isEqualTo("ENDED");
        assertThat(asAgreed.get("endedReason").asText()).isEqualTo("EXPIRED");
        assertThat(asAgreed.get("endedAtUtc").asText()).isEqualTo("2020-10-14T08:00:00Z");
        assertThat(pause(pause, "asOf=" + firstRecorded + "&validAt=2020-10-15T12:00+04:00")
                        .get("status")
                        .asText())
                .isEqualTo("HOLDING");
        JsonNode asOfFirst = pause(pause, "asOf=" + firstRecorded + "&validAt=2020-10-16T13:00+04:00");
        assertThat(asOfFirst.get("status").asText()).isEqualTo("ENDED");
        assertThat(asOfFirst.get("endedAtUtc").asText()).isEqualTo("2020-10-16T08:00:00Z");
        assertThat(pause(pause, "asOf=" + secondRecorded + "&validAt=2020-10-16T13:00+04:00")
                        .get("status")
                        .asText())
                .isEqualTo("HOLDING");

        List<String> timeline = new ArrayList<>();
        http.get("/api/v1/negotiations/" + w.negotiation() + "/timeline").json().forEach(e -> {
            if (e.get("type").asText().equals("CommitmentExtended")) {
                timeline.add(e.get("summary").asText());
            }
        });
        assertThat(timeline).hasSize(2);
        assertThat(timeline.get(0)).contains("extended to 2020-10-16T12:00+04:00");

        long events = eventCount();
        Http.Response lapsed =
                http.post(extensions, extension("2020-10-20T12:00+04:00", "2020-10-17T13:00+04:00", w.a()));
        assertThat(lapsed.status()).isEqualTo(422);
        assertThat(lapsed.json().get("errors").get(0).get("field").asText()).isEqualTo("agreedAt");
        assertThat(eventCount()).isEqualTo(events);
        Http.Response outsider =
                http.post(extensions, extension("2020-10-20T12:00+04:00", "2020-10-16T13:00+04:00", w.observer()));
        assertThat(outsider.status()).isEqualTo(422);
        assertThat(outsider.json().get("errors").get(0).get("field").asText()).isEqualTo("agreedBy");
    }

    private static List<String> ids(JsonNode list) {
        return StreamSupport.stream(list.spliterator(), false)
                .map(c -> c.has("commitmentId")
                        ? c.get("commitmentId").asText()
                        : c.get("id").asText())
                .toList();
    }
}

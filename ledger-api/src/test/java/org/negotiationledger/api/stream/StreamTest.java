package org.negotiationledger.api.stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.negotiationledger.api.ApiTest;
import org.negotiationledger.api.SseClient;
import org.negotiationledger.projections.tables.ViewTables;

/** The Server-Sent Events streams over real HTTP: current state first, each change, resume, heartbeat. */
class StreamTest extends ApiTest {

    private static final Duration WAIT = Duration.ofSeconds(20);
    private World world;

    @BeforeEach
    void newWorld() {
        world = world();
    }

    @Test
    void commitmentsStreamSendsTheCurrentStateThenEachChange() {
        try (SseClient stream =
                SseClient.open(port, "/api/v1/stream/commitments?negotiationId=" + world.negotiation())) {
            assertThat(stream.status()).isEqualTo(200);
            assertThat(stream.contentType()).startsWith("text/event-stream");
            await().atMost(WAIT).until(() -> !stream.events("commitment").isEmpty());
            SseClient.Event first = stream.events("commitment").get(0);
            assertThat(first.json().get("id").asText()).isEqualTo(world.truce());
            assertThat(first.json().get("status").asText()).isEqualTo("HOLDING");

            report("v-1", "2020-10-10T12:30+04:00");

            await().atMost(WAIT).until(() -> stream.events("commitment").size() == 2);
            SseClient.Event change = stream.events("commitment").get(1);
            assertThat(change.json().get("status").asText()).isEqualTo("VIOLATED");
            assertThat(change.json().get("minutesToFirstViolation").asLong()).isEqualTo(30);
            assertThat(index(change.id())).isGreaterThan(index(first.id()));
        }
    }

    @Test
    void aCommitmentsClientResumingWithLastEventIdGetsWhatItMissedAndNothingTwice() {
        String other = unique("truce");
        String lastSeen;
        try (SseClient stream =
                SseClient.open(port, "/api/v1/stream/commitments?negotiationId=" + world.negotiation())) {
            await().atMost(WAIT).until(() -> stream.events("commitment").size() == 1);
            lastSeen = stream.lastEventId();
        }
        // While the client is away: a report on the truce, a second truce.
        report("v-1", "2020-10-10T12:30+04:00");
        created(http.post(
                "/api/v1/truces", truce(other, world.negotiation(), world.a(), world.b(), world.mediator(), "")));

        try (SseClient stream = SseClient.open(
                port, "/api/v1/stream/commitments?negotiationId=" + world.negotiation(), "Last-Event-ID", lastSeen)) {
            await().atMost(WAIT).until(() -> stream.events("commitment").size() >= 2);
            List<SseClient.Event> missed = stream.events("commitment");
            assertThat(missed)
                    .extracting(e -> e.json().get("id").asText())
                    .containsExactlyInAnyOrder(world.truce(), other);
            assertThat(missed.stream()
                            .filter(e -> e.json().get("id").asText().equals(world.truce()))
                            .findFirst()
                            .orElseThrow()
                            .json()
                            .get("status")
                            .asText())
                    .isEqualTo("VIOLATED");
            assertThat(missed).allSatisfy(e -> assertThat(index(e.id())).isGreaterThan(index(lastSeen)));

            // Nothing more arrives for changes it already has: a change elsewhere is not resent here.
            World elsewhere = world();
            await().atMost(WAIT).until(() -> commitmentRowChanged(elsewhere.truce()));
            assertThat(stream.events("commitment")).hasSize(2);
        }
    }

    @Test
    void timelineStreamSendsEveryFactOnceAcrossAReconnect() {
        String lastSeen;
        int before;
        try (SseClient stream = SseClient.open(port, "/api/v1/stream/timeline?negotiationId=" + world.negotiation())) {
            await().atMost(WAIT)
                    .until(() -> stream.events("fact").stream()
                            .anyMatch(e -> e.json().get("recordId").asText().equals(world.truce())));
            before = stream.events("fact").size();
            report("v-1", "2020-10-10T12:30+04:00");
            await().atMost(WAIT).until(() -> stream.events("fact").size() > before);
            JsonNode reported = stream.events("fact").get(before).json();
            assertThat(reported.get("type").asText()).isEqualTo("ViolationReported");
            assertThat(reported.get("violationId").asText())
                    .as("the entry names its report (made unique by the test)")
                    .startsWith("v-1-");
            assertThat(stream.events("fact").get(before).id())
                    .as("and the event it comes from, as its stream id does")
                    .startsWith(reported.get("globalIndex").asLong() + "-");
            lastSeen = stream.lastEventId();
        }
        report("v-2", "2020-10-10T13:00+04:00");
        report("v-3", "2020-10-10T13:30+04:00");

        try (SseClient stream = SseClient.open(
                port, "/api/v1/stream/timeline?negotiationId=" + world.negotiation(), "Last-Event-ID", lastSeen)) {
            await().atMost(WAIT).until(() -> stream.events("fact").size() >= 2);
            // A later fact marks how far the stream has got: a second copy of a missed fact would have come by then.
            report("v-marker", "2020-10-10T14:00+04:00");
            await().atMost(WAIT)
                    .until(() -> stream.events("fact").stream()
                            .anyMatch(e -> e.json().get("validAt").asText().equals("2020-10-10T14:00+04:00")));
            assertThat(stream.events("fact"))
                    .extracting(e -> e.json().get("validAt").asText())
                    .containsExactly("2020-10-10T13:00+04:00", "2020-10-10T13:30+04:00", "2020-10-10T14:00+04:00");
            assertThat(stream.events("fact"))
                    .extracting(SseClient.Event::id)
                    .doesNotHaveDuplicates()
                    .doesNotContain(lastSeen);
        }
    }

    @Test
    void brokenStreamSendsTheListAndAgainWhenItChanges() {
        try (SseClient stream =
                SseClient.open(port, "/api/v1/stream/broken?withinHours=1&negotiationId=" + world.negotiation())) {
            await().atMost(WAIT).until(() -> stream.events("broken").size() == 1);
            assertThat(stream.events("broken").get(0).json()).isEmpty();

            report("v-late", "2020-10-10T16:00+04:00"); // four hours in: not within one hour, the list stays
            report("v-soon", "2020-10-10T12:20+04:00");

            await().atMost(WAIT).until(() -> stream.events("broken").size() >= 2);
            SseClient.Event list =
                    stream.events("broken").get(stream.events("broken").size() - 1);
            assertThat(list.json()).hasSize(1);
            assertThat(list.json().get(0).get("commitmentId").asText()).isEqualTo(world.truce());
            assertThat(list.json().get(0).get("minutesToFirstViolation").asLong())
                    .isEqualTo(20);
            assertThat(list.json().get(0).get("minutesToBreak").asLong()).isEqualTo(20);
        }
    }

    @Test
    void eachStreamWithFollowFalseSendsTheEventsUpToNowAndEnds() {
        report("v-soon", "2020-10-10T12:20+04:00");
        String negotiation = "negotiationId=" + world.negotiation();
        await().atMost(WAIT)
                .until(() -> http.get("/api/v1/commitments/broken?withinHours=1&" + negotiation)
                                .json()
                                .size()
                        == 1);

        try (SseClient commitments = SseClient.open(port, "/api/v1/stream/commitments?follow=false&" + negotiation);
                SseClient broken =
                        SseClient.open(port, "/api/v1/stream/broken?withinHours=1&follow=false&" + negotiation);
                SseClient timeline = SseClient.open(port, "/api/v1/stream/timeline?follow=false&" + negotiation)) {
            await().atMost(WAIT).until(() -> commitments.ended() && broken.ended() && timeline.ended());
            assertThat(commitments.events("commitment"))
                    .extracting(e -> e.json().get("status").asText())
                    .containsExactly("VIOLATED");
            assertThat(broken.events("broken")).hasSize(1);
            assertThat(broken.events("broken")
                            .get(0)
                            .json()
                            .get(0)
                            .get("commitmentId")
                            .asText())
                    .isEqualTo(world.truce());
            assertThat(timeline.events("fact"))
                    .extracting(e -> e.json().get("type").asText())
                    .contains("ViolationReported")
                    .last()
                    .isEqualTo("ViolationReported");
        }
    }

    @Test
    void aBoundedStreamResumedWithLastEventIdSendsOnlyWhatCameAfterAndEnds() {
        String lastSeen;
        try (SseClient stream =
                SseClient.open(port, "/api/v1/stream/timeline?follow=false&negotiationId=" + world.negotiation())) {
            await().atMost(WAIT).until(stream::ended);
            lastSeen = stream.lastEventId();
        }
        report("v-1", "2020-10-10T12:30+04:00");
        await().atMost(WAIT)
                .until(() -> http.get("/api/v1/negotiations/" + world.negotiation() + "/timeline")
                        .text()
                        .contains("ViolationReported"));

        try (SseClient stream = SseClient.open(
                port,
                "/api/v1/stream/timeline?follow=false&negotiationId=" + world.negotiation(),
                "Last-Event-ID",
                lastSeen)) {
            await().atMost(WAIT).until(stream::ended);
            assertThat(stream.events("fact"))
                    .extracting(e -> e.json().get("type").asText())
                    .containsExactly("ViolationReported");
        }
    }

    @Test
    void followTakesOnlyTrueOrFalse() {
        var response = http.get(
                "/api/v1/stream/timeline?follow=yes&negotiationId=" + world.negotiation(),
                "Accept",
                "text/event-stream");
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().get("errors").get(0).get("field").asText()).isEqualTo("follow");
    }

    @Test
    void aQuietStreamSendsHeartbeats() {
        try (SseClient stream = SseClient.open(port, "/api/v1/stream/timeline?negotiationId=" + world.negotiation())) {
            await().atMost(WAIT).until(() -> !stream.comments().isEmpty());
            assertThat(stream.comments()).first().asString().contains("heartbeat");
        }
    }

    @Test
    void aMalformedLastEventIdIsRefusedNamingIt() {
        var response =
                http.get("/api/v1/stream/commitments", "Accept", "text/event-stream", "Last-Event-ID", "yesterday");
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.json().get("errors").get(0).get("field").asText()).isEqualTo("Last-Event-ID");
    }

    private void report(String name, String occurredAt) {
        created(http.post(
                "/api/v1/commitments/" + world.truce() + "/violations",
                violation(unique(name), world.a(), world.b(), occurredAt)));
    }

    private boolean commitmentRowChanged(String id) {
        return jdbc.queryForObject(
                        ViewTables.serving(jdbc).sql("SELECT COUNT(*) FROM view_commitment WHERE id = ?"),
                        Long.class,
                        id)
                == 1;
    }

    /** The global index a commitments event id begins with ({@code <index>@<moment>}). */
    static long index(String eventId) {
        return Long.parseLong(eventId.split("@")[0]);
    }
}

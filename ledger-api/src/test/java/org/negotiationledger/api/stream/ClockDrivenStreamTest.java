package org.negotiationledger.api.stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.negotiationledger.api.Http;
import org.negotiationledger.api.LedgerInstance;
import org.negotiationledger.api.SmallWorld;
import org.negotiationledger.api.SseClient;

/**
 * A commitment's status that changes with the clock alone (it takes effect, it expires) is pushed at that
 * moment, with no command in between and nothing recorded, judged at a valid time within a second of it; a
 * client away across the moment gets it, once, when it resumes. These tests take the moments a few seconds
 * ahead of the server's clock, the one thing that decides them.
 */
class ClockDrivenStreamTest {

    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final AtomicInteger SEQUENCE = new AtomicInteger();
    private static LedgerInstance ledger;
    private static Http http;
    private static int port;

    /**
     * A server of its own, with no heartbeat (it too wakes the streams, and would send the change a second
     * late), on a database of its own (another server on it would hold the views' work, and this one's streams
     * would hear of changes only by their poll).
     */
    @BeforeAll
    static void start() {
        ledger = LedgerInstance.fresh("ledger-clock", Map.of("ledger.streams.heartbeat", "PT1H"));
        http = ledger.http();
        port = ledger.port();
        SmallWorld.partiesAndNegotiation(http);
    }

    @AfterAll
    static void stop() {
        ledger.close();
    }

    /** A negotiation of its own between the small world's parties, and a truce in force in it. */
    private record World(String negotiation, String truce) {
        String a() {
            return "armenia";
        }

        String b() {
            return "azerbaijan";
        }
    }

    private static World world() {
        String negotiation = unique("talks");
        created(http.post("/api/v1/negotiations", """
                {"id": "%s", "title": "Talks", "parties": ["armenia", "azerbaijan"], "mediators": ["russia"]}""".formatted(negotiation)));
        String truce = unique("truce");
        created(http.post("/api/v1/truces", inForce(truce, negotiation)));
        return new World(negotiation, truce);
    }

    private static String inForce(String id, String negotiation) {
        return """
                {"id": "%s", "negotiationId": "%s", "kind": "CEASEFIRE", "title": "Truce in force",
                 "parties": ["armenia", "azerbaijan"], "agreedAt": "2020-10-10T03:00+03:00",
                 "effectiveFrom": "2020-10-10T12:00+04:00"}""".formatted(id, negotiation);
    }

    private static String unique(String name) {
        return name + "-" + SEQUENCE.incrementAndGet();
    }

    private static void created(Http.Response response) {
        assertThat(response.status()).as(response.text()).isEqualTo(201);
    }

    @Test
    void aTruceTakingEffectIsPushedAsHoldingAtThatMoment() {
        World w = world();
        String truce = unique("soon");
        Instant effective = Instant.now().truncatedTo(ChronoUnit.SECONDS).plusSeconds(3);
        pushedAtTheMoment(w, truce, aheadOf(truce, w, effective, null), effective, "PENDING", "HOLDING");
        assertThat(http.get("/api/v1/audit/events?aggregateId=" + truce).json())
                .as("nothing recorded")
                .hasSize(1);
    }

    @Test
    void aTruceExpiringIsPushedAsEndedAtThatMoment() {
        World w = world();
        String truce = unique("expiring");
        Instant expires = Instant.now().truncatedTo(ChronoUnit.SECONDS).plusSeconds(3);
        JsonNode ended = pushedAtTheMoment(
                w, truce, aheadOf(truce, w, expires.minus(1, ChronoUnit.HOURS), expires), expires, "HOLDING", "ENDED");
        assertThat(ended.get("endedReason").asText()).isEqualTo("EXPIRED");
    }

    /**
     * Agrees the truce with a stream open, and sees it sent as {@code before}, then, with no command between, as
     * {@code after}, judged within a second after {@code moment}; the view sent last.
     */
    private static JsonNode pushedAtTheMoment(
            World w, String truce, String body, Instant moment, String before, String after) {
        try (SseClient stream = SseClient.open(port, "/api/v1/stream/commitments?negotiationId=" + w.negotiation())) {
            created(http.post("/api/v1/truces", body));
            await().atMost(WAIT).until(() -> statuses(stream, truce).contains(after));
            assertThat(statuses(stream, truce)).containsExactly(before, after);
            JsonNode view = last(stream, truce);
            Instant judged = Instant.parse(view.get("validAt").asText());
            assertThat(judged).isAfterOrEqualTo(moment).isBefore(moment.plusSeconds(1));
            return view;
        }
    }

    @Test
    void aClientAwayAcrossTheMomentGetsTheChangeOnceWhenItResumes() {
        World w = world();
        String truce = unique("while-away");
        Instant effective = Instant.now().truncatedTo(ChronoUnit.SECONDS).plusSeconds(3);
        String lastSeen;
        try (SseClient stream = SseClient.open(port, "/api/v1/stream/commitments?negotiationId=" + w.negotiation())) {
            created(http.post("/api/v1/truces", aheadOf(truce, w, effective, null)));
            await().atMost(WAIT).until(() -> statuses(stream, truce).contains("PENDING"));
            lastSeen = stream.lastEventId();
        }
        await().atMost(WAIT).until(() -> Instant.now().isAfter(effective.plusSeconds(1)));

        try (SseClient stream = SseClient.open(
                port, "/api/v1/stream/commitments?negotiationId=" + w.negotiation(), "Last-Event-ID", lastSeen)) {
            await().atMost(WAIT).until(() -> statuses(stream, truce).contains("HOLDING"));
            // A later change marks how far the stream has got: by then a second copy would have come.
            String marker = unique("marker");
            created(http.post("/api/v1/truces", inForce(marker, w.negotiation())));
            await().atMost(WAIT).until(() -> !statuses(stream, marker).isEmpty());
            assertThat(statuses(stream, truce)).containsExactly("HOLDING");
            assertThat(stream.events("commitment"))
                    .extracting(e -> e.json().get("id").asText())
                    .containsExactly(truce, marker);
        }
    }

    @Test
    void anIdOfAnyFormItSentOrAMomentAheadResumesTheStream() {
        World w = world();
        for (String lastEventId : new String[] {
            "0", "0@" + Instant.now().plus(3650, ChronoUnit.DAYS).toEpochMilli(), "0@0~" + w.truce()
        }) {
            try (SseClient stream = SseClient.open(
                    port,
                    "/api/v1/stream/commitments?negotiationId=" + w.negotiation(),
                    "Last-Event-ID",
                    lastEventId)) {
                await().atMost(WAIT).until(() -> statuses(stream, w.truce()).contains("HOLDING"));
                assertThat(stream.status()).as(lastEventId).isEqualTo(200);
            }
        }
        assertThat(http.get("/api/v1/stream/commitments", "Accept", "text/event-stream", "Last-Event-ID", "5@x~y")
                        .status())
                .isEqualTo(400);
    }

    /** A truce agreed two hours ago, in force from {@code effective} (and until {@code expires}, if given). */
    private static String aheadOf(String id, World w, Instant effective, Instant expires) {
        return """
                {"id": "%s", "negotiationId": "%s", "kind": "CEASEFIRE", "title": "Truce ahead",
                 "parties": ["%s", "%s"], "agreedAt": "%s", "effectiveFrom": "%s" %s}""".formatted(
                        id,
                        w.negotiation(),
                        w.a(),
                        w.b(),
                        stated(Instant.now().minus(2, ChronoUnit.HOURS)),
                        stated(effective),
                        expires == null ? "" : ", \"expiresAt\": \"" + stated(expires) + "\"");
    }

    private static String stated(Instant instant) {
        return instant.truncatedTo(ChronoUnit.SECONDS).toString().replace("Z", "+00:00");
    }

    private static List<String> statuses(SseClient stream, String truce) {
        return stream.events("commitment").stream()
                .map(SseClient.Event::json)
                .filter(view -> view.get("id").asText().equals(truce))
                .map(view -> view.get("status").asText())
                .toList();
    }

    private static JsonNode last(SseClient stream, String truce) {
        List<JsonNode> views = stream.events("commitment").stream()
                .map(SseClient.Event::json)
                .filter(view -> view.get("id").asText().equals(truce))
                .toList();
        return views.get(views.size() - 1);
    }
}

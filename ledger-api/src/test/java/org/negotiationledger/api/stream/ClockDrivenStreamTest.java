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
import java.util.function.BiFunction;
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
 * ahead of the server's clock, the one thing that decides them, and what they assert of the moment is what
 * holds on a loaded machine ({@link Moments}).
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
        Pushed pushed =
                pushedAtTheMoment(w, "soon", (truce, moment) -> aheadOf(truce, w, moment, null), "PENDING", "HOLDING");
        assertThat(http.get("/api/v1/audit/events?aggregateId=" + pushed.truce())
                        .json())
                .as("nothing recorded")
                .hasSize(1);
    }

    @Test
    void aTruceExpiringIsPushedAsEndedAtThatMoment() {
        World w = world();
        Pushed pushed = pushedAtTheMoment(
                w,
                "expiring",
                (truce, moment) -> aheadOf(truce, w, moment.minus(1, ChronoUnit.HOURS), moment),
                "HOLDING",
                "ENDED");
        assertThat(pushed.view().get("endedReason").asText()).isEqualTo("EXPIRED");
    }

    /** The truce a test agreed, and the last view of it the stream sent. */
    private record Pushed(String truce, JsonNode view) {}

    /**
     * Agrees a truce (its body made for its id and a moment ahead) with a stream open, and sees it sent as
     * {@code before}, then, with no command between, as {@code after}, judged at the moment; the view sent last.
     */
    private static Pushed pushedAtTheMoment(
            World w, String name, BiFunction<String, Instant, String> body, String before, String after) {
        for (Duration headStart : Moments.HEAD_STARTS) {
            String truce = unique(name);
            Instant moment = Moments.ahead(headStart);
            try (SseClient stream =
                    SseClient.open(port, "/api/v1/stream/commitments?negotiationId=" + w.negotiation())) {
                created(http.post("/api/v1/truces", body.apply(truce, moment)));
                await().atMost(WAIT.plus(headStart))
                        .until(() -> statuses(stream, truce).contains(after));
                if (!statuses(stream, truce).get(0).equals(before)) {
                    continue; // recorded after its moment: no push to see; a longer head start
                }
                assertThat(statuses(stream, truce)).containsExactly(before, after);
                SseClient.Event last = last(stream, truce);
                Moments.assertJudgedAtTheMoment(last, moment);
                return new Pushed(truce, last.json());
            }
        }
        throw new AssertionError("every truce was recorded only after its moment, even " + Moments.HEAD_STARTS
                + " ahead: nothing of the clock-driven push could be seen");
    }

    @Test
    void aClientAwayAcrossTheMomentGetsTheChangeOnceWhenItResumes() {
        World w = world();
        for (Duration headStart : Moments.HEAD_STARTS) {
            String truce = unique("while-away");
            Instant effective = Moments.ahead(headStart);
            String lastSeen;
            try (SseClient stream =
                    SseClient.open(port, "/api/v1/stream/commitments?negotiationId=" + w.negotiation())) {
                created(http.post("/api/v1/truces", aheadOf(truce, w, effective, null)));
                await().atMost(WAIT).until(() -> !statuses(stream, truce).isEmpty());
                if (!statuses(stream, truce).get(0).equals("PENDING")) {
                    continue; // recorded after its moment: it was never seen pending; a longer head start
                }
                lastSeen = stream.lastEventId();
            }
            await().atMost(WAIT.plus(headStart)).until(() -> Instant.now().isAfter(effective.plusSeconds(1)));

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
            return;
        }
        throw new AssertionError(
                "every truce was recorded only after it took effect, even " + Moments.HEAD_STARTS + " ahead");
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

    private static SseClient.Event last(SseClient stream, String truce) {
        List<SseClient.Event> views = stream.events("commitment").stream()
                .filter(event -> event.json().get("id").asText().equals(truce))
                .toList();
        return views.get(views.size() - 1);
    }
}

package org.negotiationledger.api.stream;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.negotiationledger.api.SseClient;

/**
 * Moments a few seconds ahead for the tests of what the clock alone changes, and what may be asserted of them on
 * a loaded machine. A test agrees a truce that takes effect (or expires) at a moment ahead of the server's clock
 * and watches the stream: if the truce was recorded only after its moment (a slow answer), there is no push to
 * see, and the test tries again with a longer head start ({@link #HEAD_STARTS}) rather than failing. Of the push
 * itself the promise is that the view is judged at its moment, never before it, and sent when judged: so its
 * valid time lies between the moment and the instant the client received it. How soon after the moment that is
 * depends on the machine's load, and is for the stream benchmark, not for a test.
 */
final class Moments {

    /** The head starts tried in turn. */
    static final List<Duration> HEAD_STARTS =
            List.of(Duration.ofSeconds(3), Duration.ofSeconds(10), Duration.ofSeconds(30));

    /** Conversions of a reception's {@link System#nanoTime()} to the wall clock are this close. */
    private static final Duration RECEPTION_SLACK = Duration.ofMillis(50);

    private Moments() {}

    /** A whole second at least {@code headStart} ahead of now. */
    static Instant ahead(Duration headStart) {
        return Instant.now().truncatedTo(ChronoUnit.SECONDS).plus(headStart).plusSeconds(1);
    }

    /** When the client received {@code event}, on the wall clock (which the server on this machine shares). */
    static Instant receivedAt(SseClient.Event event) {
        return Instant.now().minusNanos(System.nanoTime() - event.receivedNanos());
    }

    /** {@code event} carries a view judged at {@code moment} or after it, and no later than it arrived. */
    static void assertJudgedAtTheMoment(SseClient.Event event, Instant moment) {
        Instant judged = Instant.parse(event.json().get("validAt").asText());
        assertThat(judged)
                .as("the valid time the pushed view was judged at")
                .isAfterOrEqualTo(moment)
                .isBeforeOrEqualTo(receivedAt(event).plus(RECEPTION_SLACK));
    }
}

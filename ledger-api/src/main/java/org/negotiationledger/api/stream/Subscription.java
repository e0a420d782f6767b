package org.negotiationledger.api.stream;

import java.io.IOException;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * One client's stream. It keeps no queue of events, only a cursor (the position of the last event it sent):
 * each time it is woken it reads what changed after the cursor and sends that. So a slow client costs one
 * cursor, not a growing backlog, and a client that comes back with {@code Last-Event-ID} is served by the same
 * code as one that never left. At most one thread works on a subscription at a time.
 */
abstract class Subscription {

    private final SseEmitter emitter;
    private final StreamContext context;
    private final AtomicInteger wakes = new AtomicInteger();
    private volatile boolean heartbeatDue;
    private volatile boolean closed;
    private volatile boolean endAfterCatchUp;

    Subscription(SseEmitter emitter, StreamContext context) {
        this.emitter = emitter;
        this.context = context;
    }

    /** What the stream follows: a change of this kind wakes it. */
    abstract Topic topic();

    /** Sends everything after the cursor and moves it on. */
    abstract void catchUp() throws IOException;

    /**
     * Makes the first catch-up the last: the stream sends what there is up to now and ends (before it is woken).
     */
    final void endAfterCatchUp() {
        endAfterCatchUp = true;
    }

    /** Asks for a catch-up; wakes that come while one runs make it run once more, not once each. */
    final void wake() {
        if (!closed && wakes.getAndIncrement() == 0) {
            context.execute(this::drain);
        }
    }

    /** Sends a heartbeat comment with the next catch-up. */
    final void heartbeat() {
        heartbeatDue = true;
        wake();
    }

    private void drain() {
        int seen;
        do {
            seen = wakes.get();
            if (closed) {
                return;
            }
            try {
                catchUp();
                if (endAfterCatchUp) {
                    close(null);
                    return;
                }
                if (heartbeatDue) {
                    heartbeatDue = false;
                    emitter.send(SseEmitter.event().comment("heartbeat"));
                }
            } catch (IOException | IllegalStateException | org.springframework.dao.DataAccessException e) {
                // The client has gone (or the database failed): end the stream; a client reconnects with
                // Last-Event-ID and loses nothing.
                close(e);
                return;
            }
        } while (wakes.addAndGet(-seen) != 0);
    }

    /**
     * Writes an empty comment, twice: a client that has closed its end answers the first write with a reset,
     * and the second fails. False, and the stream is closed, when the client has gone.
     */
    final boolean probe() {
        if (closed) {
            return false;
        }
        try {
            emitter.send(SseEmitter.event().comment(""));
            emitter.send(SseEmitter.event().comment(""));
            return true;
        } catch (IOException | IllegalStateException e) {
            close(e);
            return false;
        }
    }

    /** What this stream may ask of the server's streams: their clock, their shared reads. */
    final StreamContext context() {
        return context;
    }

    /**
     * What {@code fetch} reads, shared with the other streams of this topic at the same place: {@code read}
     * names it (what it is, its filters and the stream's cursor; nulls allowed).
     */
    final <T> T shared(Supplier<T> fetch, Object... read) {
        if (endAfterCatchUp) {
            // Read afresh: a shared read is as of the views' last poll, which a following stream's next wake
            // corrects and an ending one would not; "up to now" must include what the views hold now.
            return fetch.get();
        }
        return context.shared(topic(), Arrays.asList(read), fetch);
    }

    /** Sends what was read; on disk first ({@link org.negotiationledger.api.storage.DurableReads}). */
    final void send(String name, String id, Object data) throws IOException {
        context.confirmDurable();
        emitter.send(
                SseEmitter.event().name(name).id(id).data(data, org.springframework.http.MediaType.APPLICATION_JSON));
    }

    final void close(Throwable cause) {
        closed = true;
        if (cause == null) {
            emitter.complete();
        } else {
            emitter.completeWithError(cause);
        }
    }

    final void markClosed() {
        closed = true;
    }
}

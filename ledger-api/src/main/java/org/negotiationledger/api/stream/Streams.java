package org.negotiationledger.api.stream;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * The open streams of this node: opened up to the limit, woken by topic, ended on shutdown. What wakes them
 * is elsewhere: {@link StreamPoller} when the views move, {@link ClockTicker} when the clock alone changes a
 * view; and a subscription reaches only its {@link StreamContext}, never this registry.
 */
@Component
class Streams implements SmartLifecycle, MeterBinder {

    /** The streams' machinery stops first, before the web server's graceful shutdown (see {@link #stop()}). */
    static final int PHASE = Integer.MAX_VALUE;

    private static final Duration RECONNECT = Duration.ofSeconds(2);

    private final Set<Subscription> open = ConcurrentHashMap.newKeySet();
    private final int maxSubscribers;
    private final Duration timeout;
    private volatile boolean running;

    Streams(StreamProperties settings) {
        this.timeout = settings.timeout();
        this.maxSubscribers = settings.maxSubscribers();
    }

    /** {@code ledger.streams.subscribers}: the streams open on this server (refused above the maximum). */
    @Override
    public void bindTo(MeterRegistry registry) {
        Gauge.builder("ledger.streams.subscribers", open, Set::size)
                .description("streams open on this server")
                .register(registry);
        Gauge.builder("ledger.streams.max-subscribers", () -> maxSubscribers)
                .description("streams this server accepts before answering 503")
                .register(registry);
    }

    /**
     * Opens a stream: registers the subscription and sends it the current state (or what it missed); then, when
     * it {@code follows}, each change, else nothing more: the answer ends.
     */
    SseEmitter open(Function<SseEmitter, Subscription> subscribe, boolean follows) {
        if (open.size() >= maxSubscribers) {
            reclaimClosed();
        }
        if (open.size() >= maxSubscribers) {
            throw new TooManySubscribersException(maxSubscribers);
        }
        SseEmitter emitter = new SseEmitter(timeout.toMillis());
        try {
            // Goes out with the response headers, so a client knows at once that its stream is open, even
            // before there is anything to send; and tells it how soon to reconnect.
            emitter.send(SseEmitter.event().reconnectTime(RECONNECT.toMillis()));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        Subscription subscription = subscribe.apply(emitter);
        if (!follows) {
            subscription.endAfterCatchUp();
        }
        emitter.onCompletion(() -> forget(subscription));
        emitter.onTimeout(() -> forget(subscription));
        emitter.onError(e -> forget(subscription));
        open.add(subscription);
        subscription.wake();
        return emitter;
    }

    /** Wakes every stream that follows {@code topic}: it reads what changed after its cursor. */
    void wake(Topic topic) {
        for (Subscription s : open) {
            if (s.topic() == topic) {
                s.wake();
            }
        }
    }

    /** Has every stream send a heartbeat, so that proxies keep quiet ones open. */
    void heartbeat() {
        open.forEach(Subscription::heartbeat);
    }

    /**
     * Frees the slots of streams whose clients have gone. The servlet container learns that a client closed an
     * idle stream only when the server next writes to it, which may be a heartbeat away: a client that
     * reconnects at once would find its old slot still taken. So at the limit every stream is written to first.
     */
    private void reclaimClosed() {
        for (Subscription subscription : List.copyOf(open)) {
            if (!subscription.probe()) {
                forget(subscription);
            }
        }
    }

    private void forget(Subscription subscription) {
        subscription.markClosed();
        open.remove(subscription);
    }

    @Override
    public void start() {
        running = true;
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /**
     * Ends every stream before the web server's graceful shutdown, which would otherwise wait its full timeout
     * for these never-ending responses; clients reconnect (to another node) with Last-Event-ID.
     */
    @Override
    public void stop() {
        running = false;
        open.forEach(s -> s.close(null));
    }

    @Override
    public int getPhase() {
        return PHASE;
    }
}

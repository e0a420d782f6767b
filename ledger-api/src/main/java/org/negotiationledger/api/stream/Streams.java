package org.negotiationledger.api.stream;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.function.Supplier;
import org.negotiationledger.api.store.DurableReads;
import org.negotiationledger.projections.store.ViewQueries;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * The open streams of this node, and what wakes them. The views are written by whichever node's tracking
 * processor holds the token; whatever the news, a node reads the views' positions in the shared database (two
 * indexed MAX reads, however many clients) and wakes the streams they moved for. The news comes from
 * {@link ViewChanges} (this node's own projection, or PostgreSQL's notification from another's), and a poll
 * every {@code ledger.streams.poll-interval} (1 s) is the safety net for a notification lost. Sending
 * runs on a fixed pool: a client whose connection stalls holds one of its threads only until the server's
 * write timeout, and holds no queue at all (see {@link Subscription}).
 */
@Component
class Streams implements SmartLifecycle, MeterBinder {

    /** What changed: the commitments (and so the broken lists) or the timelines. */
    enum Topic {
        COMMITMENTS,
        TIMELINE
    }

    private static final Logger log = LoggerFactory.getLogger(Streams.class);
    private static final Duration RECONNECT = Duration.ofSeconds(2);

    /**
     * Where subscriptions send from: the pool, the step that makes what they read durable first, and the
     * streams whose reads they share.
     */
    record Senders(Executor pool, DurableReads durable, Streams streams) {}

    /** A read shared by the streams at the same place when the views were at {@code head}. */
    private record SharedRead(List<Object> read, long head) {}

    private final ViewQueries queries;
    private final DurableReads durable;
    /**
     * The streams woken by one change are mostly at the same place (the same cursor and negotiation): one read
     * of what changed serves them all, where each reading it (and each commitment's reports with it) made a
     * change to 200 subscribers cost 200 reads. Keyed by the views' head as last polled, which every change
     * moves before it wakes anyone, so a stream is never served a read older than the change that woke it.
     */
    private final Cache<SharedRead, Object> sharedReads = Caffeine.newBuilder()
            .expireAfterWrite(Duration.ofSeconds(10))
            .maximumWeight(100_000)
            .weigher((SharedRead read, Object result) -> result instanceof List<?> list ? list.size() + 1 : 1)
            .build();

    private final Set<Subscription> open = ConcurrentHashMap.newKeySet();
    private final ScheduledExecutorService ticker =
            Executors.newSingleThreadScheduledExecutor(named("ledger-stream-poll"));
    private final Duration pollInterval;
    private final Duration heartbeat;
    private final ExecutorService senders;
    private final int maxSubscribers;
    private final Duration timeout;
    private final AtomicBoolean pollPending = new AtomicBoolean();
    private volatile long commitments = -1;
    private volatile long timeline = -1;
    private final Clock clock;
    private final ClockChanges clockChanges = new ClockChanges();
    /** How many times the clock has changed some view: part of the key of reads that depend on it. */
    private volatile long clockTicks;

    private ScheduledFuture<?> nextTick;
    private long nextTickAt = Long.MAX_VALUE;

    Streams(ViewQueries queries, DurableReads durable, Clock clock, StreamProperties settings) {
        this.queries = queries;
        this.durable = durable;
        this.clock = clock;
        this.timeout = settings.timeout();
        this.maxSubscribers = settings.maxSubscribers();
        this.senders = Executors.newFixedThreadPool(settings.senderThreads(), named("ledger-stream-send"));
        this.pollInterval = settings.pollInterval();
        this.heartbeat = settings.heartbeat();
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

    /**
     * What {@code fetch} reads, read once for every stream of {@code topic} that asks for the same {@code read}
     * (what it is and where the stream is) while the views stand where they were last polled.
     */
    @SuppressWarnings("unchecked")
    <T> T shared(Topic topic, List<Object> read, Supplier<T> fetch) {
        long head = topic == Topic.COMMITMENTS ? commitments : timeline;
        if (head < 0) {
            return fetch.get();
        }
        return (T) sharedReads.get(new SharedRead(read, head), key -> fetch.get());
    }

    Senders senders() {
        return new Senders(senders, durable, this);
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

    /**
     * Reads the views' positions now, on the polling thread (the caller, often the views' processor, does not
     * wait). Calls that come while one is pending make it run once.
     */
    void pollSoon() {
        if (running && pollPending.compareAndSet(false, true)) {
            try {
                ticker.execute(() -> {
                    pollPending.set(false);
                    poll();
                });
            } catch (RejectedExecutionException stopping) {
                pollPending.set(false);
            }
        }
    }

    /** The valid time a stream judges the views at now, in epoch milliseconds. */
    long now() {
        return clock.millis();
    }

    ClockChanges clockChanges() {
        return clockChanges;
    }

    long clockTicks() {
        return clockTicks;
    }

    private void poll() {
        try {
            long c = queries.commitmentsPosition();
            long t = queries.timelinePosition();
            if (c > clockChanges.position()) {
                // Before any stream is woken for these changes: they may bring their own moments.
                clockChanges.update(queries.commitmentRowsChangedAfter(clockChanges.position()));
                scheduleTick();
            }
            boolean commitmentsMoved = c != commitments;
            boolean timelineMoved = t != timeline;
            commitments = c;
            timeline = t;
            for (Subscription s : open) {
                if (s.topic() == Topic.COMMITMENTS ? commitmentsMoved : timelineMoved) {
                    s.wake();
                }
            }
        } catch (RuntimeException e) {
            // The database may be briefly away; the next poll tries again, and clients keep their cursors.
            log.warn("could not read the views' positions for the streams: {}", e.toString());
        }
    }

    /**
     * Wakes the commitments' streams at the next moment a view changes with the clock alone (on the polling
     * thread, which alone schedules): an earlier moment learned since replaces the one scheduled.
     */
    private void scheduleTick() {
        long now = now();
        OptionalLong next = clockChanges.next(now);
        if (next.isEmpty() || (nextTick != null && !nextTick.isDone() && nextTickAt <= next.getAsLong())) {
            return;
        }
        if (nextTick != null) {
            nextTick.cancel(false);
        }
        nextTickAt = next.getAsLong();
        nextTick = ticker.schedule(this::tick, nextTickAt - now, TimeUnit.MILLISECONDS);
    }

    private void tick() {
        if (now() < nextTickAt) {
            // The scheduler's clock ran ahead of the ledger's: wait for the moment itself.
            nextTick = ticker.schedule(this::tick, nextTickAt - now(), TimeUnit.MILLISECONDS);
            return;
        }
        clockTicks++;
        for (Subscription s : open) {
            if (s.topic() == Topic.COMMITMENTS) {
                s.wake();
            }
        }
        nextTick = null;
        scheduleTick();
    }

    private volatile boolean running;

    @Override
    public void start() {
        running = true;
        ticker.execute(this::poll); // reads the moments ahead at once, not a poll interval later
        ticker.scheduleWithFixedDelay(
                this::poll, pollInterval.toMillis(), pollInterval.toMillis(), TimeUnit.MILLISECONDS);
        ticker.scheduleWithFixedDelay(
                () -> open.forEach(Subscription::heartbeat),
                heartbeat.toMillis(),
                heartbeat.toMillis(),
                TimeUnit.MILLISECONDS);
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
        ticker.shutdownNow();
        open.forEach(s -> s.close(null));
        senders.shutdownNow();
    }

    @Override
    public int getPhase() {
        return Integer.MAX_VALUE;
    }

    private static java.util.concurrent.ThreadFactory named(String name) {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, name + "-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}

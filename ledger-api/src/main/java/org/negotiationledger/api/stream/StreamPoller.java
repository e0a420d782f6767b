package org.negotiationledger.api.stream;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.negotiationledger.api.config.DaemonThreads;
import org.negotiationledger.projections.tables.ViewQueries;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Reads the views' positions and wakes the streams they moved for. The views are written by whichever node's
 * tracking processor holds the token; whatever the news, a node reads the positions in the shared database (two
 * indexed MAX reads, however many clients). The news comes from {@link ViewChanges} (this node's own projection,
 * or PostgreSQL's notification from another's), and a poll every {@code ledger.streams.poll-interval} (1 s) is
 * the safety net for a notification lost. The same thread sends the heartbeats.
 */
@Component
class StreamPoller implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(StreamPoller.class);

    private final ViewQueries queries;
    private final Streams streams;
    private final ClockTicker clock;
    private final Duration pollInterval;
    private final Duration heartbeat;
    private final ScheduledExecutorService thread;
    private final AtomicBoolean pollPending = new AtomicBoolean();
    private volatile boolean running;
    private volatile long commitments = -1;
    private volatile long timeline = -1;

    StreamPoller(ViewQueries queries, Streams streams, ClockTicker clock, StreamProperties settings) {
        this.queries = queries;
        this.streams = streams;
        this.clock = clock;
        this.pollInterval = settings.pollInterval();
        this.heartbeat = settings.heartbeat();
        this.thread = Executors.newSingleThreadScheduledExecutor(DaemonThreads.named("ledger-stream-poll-"));
    }

    /** Where the views of {@code topic} stood at the last poll; -1 before the first. */
    long position(Topic topic) {
        return topic == Topic.COMMITMENTS ? commitments : timeline;
    }

    /**
     * Reads the views' positions now, on the polling thread (the caller, often the views' processor, does not
     * wait). Calls that come while one is pending make it run once.
     */
    void pollSoon() {
        if (running && pollPending.compareAndSet(false, true)) {
            try {
                thread.execute(() -> {
                    pollPending.set(false);
                    poll();
                });
            } catch (RejectedExecutionException stopping) {
                pollPending.set(false);
            }
        }
    }

    private void poll() {
        try {
            long c = queries.commitmentsPosition();
            long t = queries.timelinePosition();
            if (c > clock.position()) {
                // Before any stream is woken for these changes: they may bring their own moments.
                clock.learn(queries.commitmentRowsChangedAfter(clock.position()));
            }
            boolean commitmentsMoved = c != commitments;
            boolean timelineMoved = t != timeline;
            commitments = c;
            timeline = t;
            if (commitmentsMoved) {
                streams.wake(Topic.COMMITMENTS);
            }
            if (timelineMoved) {
                streams.wake(Topic.TIMELINE);
            }
        } catch (RuntimeException e) {
            // The database may be briefly away; the next poll tries again, and clients keep their cursors.
            log.warn("could not read the views' positions for the streams: {}", e.toString());
        }
    }

    @Override
    public void start() {
        running = true;
        thread.execute(this::poll); // reads the moments ahead at once, not a poll interval later
        thread.scheduleWithFixedDelay(
                this::poll, pollInterval.toMillis(), pollInterval.toMillis(), TimeUnit.MILLISECONDS);
        thread.scheduleWithFixedDelay(
                streams::heartbeat, heartbeat.toMillis(), heartbeat.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public void stop() {
        running = false;
        thread.shutdownNow();
    }

    @Override
    public int getPhase() {
        return Streams.PHASE;
    }
}

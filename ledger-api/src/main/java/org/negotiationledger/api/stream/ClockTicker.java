package org.negotiationledger.api.stream;

import java.time.Clock;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.negotiationledger.api.config.DaemonThreads;
import org.negotiationledger.projections.fold.CommitmentState;
import org.negotiationledger.projections.tables.ViewQueries;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * Wakes the commitments' streams at each moment a view changes with the clock alone ({@link ClockChanges}):
 * nothing is recorded then, so no poll would notice. One moment is scheduled at a time, the next ahead; an
 * earlier one learned since replaces it.
 */
@Component
class ClockTicker implements DisposableBean {

    private final Clock clock;
    private final Streams streams;
    private final ClockChanges changes = new ClockChanges();
    private final ScheduledExecutorService timer;
    private volatile long ticks;

    // Scheduled by learn (on the poller's thread) and by each tick (on the timer's): guarded by this.
    private ScheduledFuture<?> nextTick;
    private long nextTickAt = Long.MAX_VALUE;

    ClockTicker(Clock clock, Streams streams) {
        this.clock = clock;
        this.streams = streams;
        this.timer = Executors.newSingleThreadScheduledExecutor(DaemonThreads.named("ledger-stream-clock-"));
    }

    /** See {@link StreamContext#now()}. */
    long now() {
        return clock.millis();
    }

    /** See {@link StreamContext#clockTicks()}. */
    long ticks() {
        return ticks;
    }

    /** See {@link StreamContext#clockChanges}. */
    List<ClockChanges.Change> between(ClockChanges.Change from, long until) {
        return changes.between(from, until);
    }

    /** The position of the last commitment row learned from, -1 before the first. */
    long position() {
        return changes.position();
    }

    /** Takes in commitment rows changed since {@link #position()}, and schedules the next moment they bring. */
    synchronized void learn(List<ViewQueries.Change<CommitmentState>> rows) {
        changes.update(rows);
        scheduleTick();
    }

    private synchronized void scheduleTick() {
        long now = now();
        OptionalLong next = changes.next(now);
        if (timer.isShutdown()
                || next.isEmpty()
                || (nextTick != null && !nextTick.isDone() && nextTickAt <= next.getAsLong())) {
            return;
        }
        if (nextTick != null) {
            nextTick.cancel(false);
        }
        nextTickAt = next.getAsLong();
        nextTick = timer.schedule(this::tick, nextTickAt - now, TimeUnit.MILLISECONDS);
    }

    private synchronized void tick() {
        if (now() < nextTickAt) {
            // The scheduler's clock ran ahead of the ledger's: wait for the moment itself.
            nextTick = timer.schedule(this::tick, nextTickAt - now(), TimeUnit.MILLISECONDS);
            return;
        }
        ticks++;
        streams.wake(Topic.COMMITMENTS);
        nextTick = null;
        scheduleTick();
    }

    /** The streams have ended by now ({@link Streams#stop()}): no moment is left to wake them at. */
    @Override
    public void destroy() {
        timer.shutdownNow();
    }
}

package org.negotiationledger.api.stream;

import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;
import org.negotiationledger.api.config.DaemonThreads;
import org.negotiationledger.api.storage.DurableReads;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * Where subscriptions send from ({@link StreamContext}): a fixed pool of sender threads, the step that makes
 * what they read durable first, the shared reads and the clock. A client whose connection stalls holds one of
 * the threads only until the server's write timeout, and holds no queue at all (see {@link Subscription}).
 */
@Component
class Senders implements StreamContext, DisposableBean {

    private final ExecutorService pool;
    private final DurableReads durable;
    private final SharedReads reads;
    private final ClockTicker clock;

    Senders(DurableReads durable, SharedReads reads, ClockTicker clock, StreamProperties settings) {
        this.durable = durable;
        this.reads = reads;
        this.clock = clock;
        this.pool = Executors.newFixedThreadPool(settings.senderThreads(), DaemonThreads.named("ledger-stream-send-"));
    }

    @Override
    public void execute(Runnable work) {
        pool.execute(work);
    }

    @Override
    public void confirmDurable() {
        durable.confirm();
    }

    @Override
    public <T> T shared(Topic topic, List<Object> read, Supplier<T> fetch) {
        return reads.get(topic, read, fetch);
    }

    @Override
    public long now() {
        return clock.now();
    }

    @Override
    public List<ClockChanges.Change> clockChanges(ClockChanges.Change from, long until) {
        return clock.between(from, until);
    }

    @Override
    public long clockTicks() {
        return clock.ticks();
    }

    /** After {@link Streams#stop()} has ended every stream: nothing is left to send. */
    @Override
    public void destroy() {
        pool.shutdownNow();
    }
}

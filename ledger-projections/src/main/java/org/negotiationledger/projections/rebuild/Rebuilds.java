package org.negotiationledger.projections.rebuild;

import java.time.Clock;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.tokenstore.UnableToClaimTokenException;
import org.negotiationledger.projections.tables.ViewProjection;
import org.negotiationledger.projections.tables.ViewTables;
import org.negotiationledger.seal.events.EventTables;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.concurrent.CustomizableThreadFactory;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Rebuilds the views from the full history into a new generation of their tables while the serving generation
 * keeps answering, asked of any server and carried out once. A request is a row ({@link RebuildRequests});
 * every server looks at it twice a second, and the one whose processor holds the views' work (their token)
 * takes it up: it marks the row as its own ({@link RebuildState#BUILDING}), folds the history into the next
 * generation ({@link GenerationBuild}), adds the indexes, folds what came meanwhile until it is within
 * {@value #SWITCH_WITHIN} events of the head (in at most {@value #CATCH_UP_PASSES} passes, so that steady writes
 * cannot hold it back), and then switches in one transaction ({@link GenerationSwitch}): it claims the views'
 * token, folds the rest up to the head it reads then, names the new generation as serving and moves the token
 * to that head. Its live processor meanwhile keeps the serving generation current. A build that fails leaves
 * the serving generation ({@link RebuildState#FAILED}, asked again by a new request); one whose server dies is
 * started again by whichever server holds the views' work once the build's heartbeat has stood still for the
 * stall timeout ({@link HeartbeatWatch}). The generation left behind is dropped a little later
 * ({@link GenerationRetirement}), when no query that began before the switch can still be reading it.
 * Progress is read from the row and the views' token, so it reads the same on every server; a rebuild reads
 * DONE from its switch on, and how far the live projection trails the head is {@code done} against
 * {@code total}.
 *
 * <p>{@link #watch()} starts the looking, {@link #close()} stops it.
 */
public class Rebuilds implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(Rebuilds.class);
    /** A build switches once it is this close to the head: the rest is folded inside the switch's transaction. */
    static final long SWITCH_WITHIN = 5_000;
    /** At most this many passes fold what came during the build before the switch, however fast events come. */
    static final int CATCH_UP_PASSES = 3;

    private final EventProcessingConfiguration processing;
    private final JdbcTemplate jdbc;
    private final EventTables events;
    private final Clock clock;
    private final TransactionTemplate transactions;
    private final RebuildRequests requests;
    private final GenerationSwitch switcher;
    private final GenerationRetirement retirement;
    private final HeartbeatWatch otherBuilder;
    /** This server, as the builder of a rebuild. */
    private final String me = UUID.randomUUID().toString();

    private final ScheduledExecutorService watcher =
            Executors.newSingleThreadScheduledExecutor(daemons("ledger-rebuilds-"));
    private boolean layoutChecked;

    public Rebuilds(
            EventProcessingConfiguration processing,
            JdbcTemplate jdbc,
            EventTables events,
            Clock clock,
            TransactionTemplate transactions,
            ViewProjection projection,
            Duration stallTimeout) {
        this.processing = processing;
        this.jdbc = jdbc;
        this.events = events;
        this.clock = clock;
        this.transactions = transactions;
        this.requests = new RebuildRequests(jdbc);
        this.switcher = new GenerationSwitch(this::processor, transactions, events, requests, projection);
        this.retirement = new GenerationRetirement(jdbc);
        this.otherBuilder = new HeartbeatWatch(stallTimeout);
    }

    /** Daemon threads named {@code prefix} and a number: none of the rebuild's keeps the JVM from exiting. */
    static CustomizableThreadFactory daemons(String prefix) {
        CustomizableThreadFactory threads = new CustomizableThreadFactory(prefix);
        threads.setDaemon(true);
        return threads;
    }

    /** Starts looking at the request twice a second. */
    public void watch() {
        // The layout is checked before the server starts, so before anything (the demo history) is appended
        // to a new ledger; if the store does not answer now, the watcher checks it as soon as it does.
        try {
            checkLayout();
        } catch (RuntimeException e) {
            log.warn("The views' layout could not be checked yet; it is checked again shortly", e);
        }
        watcher.scheduleWithFixedDelay(this::carryOut, 500, 500, TimeUnit.MILLISECONDS);
    }

    @Override
    public void close() {
        watcher.shutdownNow();
    }

    /**
     * Asks for a rebuild; whichever server holds the views' work carries it out. A rebuild under way already
     * will take in everything stored before its switch, so it answers this request too.
     */
    public Progress request() {
        requests.ask(clock.instant());
        return progress();
    }

    /** Asks for a rebuild if the serving generation was built with an older layout of the view tables. */
    private void checkLayout() {
        if (events.isEmpty()) {
            // A new ledger's views are empty, so of every layout: it starts at this one instead of rebuilding
            // nothing, and no layout raise needs a migration of its own for that.
            requests.adoptLayout(ViewTables.SCHEMA);
        } else if (requests.askIfOlderThan(ViewTables.SCHEMA, clock.instant())) {
            log.info(
                    "The views were built with an older layout; a rebuild into layout {} is asked for, and the views "
                            + "as they are keep answering until it takes over",
                    ViewTables.SCHEMA);
        }
        layoutChecked = true;
    }

    /** On the server that holds the views' work: takes up a requested rebuild, or one whose server fell silent. */
    private void carryOut() {
        try {
            if (!layoutChecked) {
                checkLayout();
            }
            retirement.dropDue();
            if (!holdsTheWork()) {
                return;
            }
            RebuildRequest request = requests.read();
            if (takeUp(request)) {
                build(request.serving());
            }
        } catch (RuntimeException e) {
            log.warn("Could not look for or carry out a requested rebuild; trying again", e);
        }
    }

    /** The first step: claims the row for this server, if a rebuild is asked for or its builder has stalled. */
    private boolean takeUp(RebuildRequest request) {
        if (request.state() == RebuildState.REQUESTED) {
            return requests.claimRequested(me, events.head(), clock.instant());
        }
        if (request.state() != RebuildState.BUILDING
                || me.equals(request.builder())
                || !otherBuilder.stalled(request.heartbeat())) {
            return false;
        }
        log.warn(
                "The rebuild of the views by another server has made no progress for {}; starting it again",
                otherBuilder.timeout());
        return requests.claimStalled(me, request.heartbeat(), events.head(), clock.instant());
    }

    /** Builds generation {@code serving + 1} and switches to it; on failure the serving one stays. */
    private void build(int serving) {
        ViewTables next = new ViewTables(serving + 1);
        long started = System.nanoTime();
        // Reported in a transaction of its own, so that every server sees it while the build's is still open.
        TransactionTemplate own = new TransactionTemplate(transactions.getTransactionManager());
        own.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        GenerationBuild.Reporter progress = (done, total) -> Boolean.TRUE.equals(
                own.execute(status -> requests.report(me, done, total, (System.nanoTime() - started) / 1_000_000)));
        try {
            if (serving > 1) {
                new ViewTables(serving - 1).drop(jdbc); // left by a server that switched and died before dropping it
            }
            GenerationBuild build = new GenerationBuild(jdbc, events, transactions, next);
            build.prepare();
            build.foldUpTo(events.head(), progress);
            long folded = System.nanoTime();
            build.index(progress);
            long indexed = System.nanoTime();
            // Each pass folds what came during the one before, so passes shrink while the fold outruns the writes;
            // they are counted all the same, so that no write rate can keep the build from switching: the switch
            // folds whatever is left, up to the head it reads once it holds the views' token.
            for (int pass = 0; pass < CATCH_UP_PASSES && events.head() - build.last() > SWITCH_WITHIN; pass++) {
                build.foldUpTo(events.head(), progress);
            }
            long caughtUp = System.nanoTime();
            switcher.to(next, build, me);
            long now = System.nanoTime();
            log.info(
                    "Rebuilt the views into generation {} from the full history (to global index {}) in {} ms: "
                            + "folded in {} ms, indexed in {} ms, caught up in {} ms, switched in {} ms",
                    next.generation(),
                    build.last(),
                    (now - started) / 1_000_000,
                    (folded - started) / 1_000_000,
                    (indexed - folded) / 1_000_000,
                    (caughtUp - indexed) / 1_000_000,
                    (now - caughtUp) / 1_000_000);
            retirement.retire(new ViewTables(serving));
        } catch (Superseded | UnableToClaimTokenException lost) {
            // Another server has taken the views' work (or the rebuild) over: it carries the request out.
            log.info("The rebuild of the views passed to another server: {}", lost.getMessage());
            requests.passOn(me);
        } catch (RuntimeException failed) {
            // Not retried by itself, which would loop on a bad event; a new request starts it again.
            log.error("The rebuild of the views failed; generation {} goes on serving", serving, failed);
            requests.failed(me);
            retirement.dropQuietly(next);
        }
    }

    /** The views' progress, read from the request row and the views' token. */
    public Progress progress() {
        return progress(events.head(), () -> events.position(ViewProjection.GROUP));
    }

    /** The progress, with the head and the views' position already read by the caller (the metrics). */
    public Progress progress(long head, LongSupplier position) {
        RebuildRequest row = requests.read();
        int generation = row.serving();
        if (row.state() == RebuildState.BUILDING) {
            long done = row.done();
            long total = Math.max(row.total(), done);
            long elapsed = row.elapsedMs();
            Double rate = elapsed == 0 ? null : Math.round(done * 10_000.0 / elapsed) / 10.0;
            Long left = rate == null || rate == 0 ? null : (long) Math.ceil((total - done) / rate);
            return new Progress(
                    Progress.State.RUNNING, done, total, percent(done, total), rate, left, generation, null);
        }
        boolean requested = row.state() == RebuildState.REQUESTED;
        long done = requested ? 0 : Math.min(position.getAsLong(), head);
        String error = row.state() == RebuildState.FAILED
                ? "the last rebuild failed; the views as they were go on serving; see the server's log"
                : processorError();
        // Once switched, the rebuild is over: the live projection then trails the head by the events of its
        // current batch, which steady writes never let fall to none, so that lag is told by done < total alone
        // and never keeps a finished rebuild reading RUNNING.
        Progress.State state =
                error != null ? Progress.State.FAILED : requested ? Progress.State.RUNNING : Progress.State.DONE;
        return new Progress(state, done, head, percent(done, head), null, null, generation, error);
    }

    private static double percent(long done, long total) {
        return total == 0 ? 100.0 : Math.floor(1000.0 * done / total) / 10.0;
    }

    /** Whether this server's processor for the views is running, and so may take up their work. */
    public boolean isRunning() {
        return processor().isRunning();
    }

    /** Whether this server holds the views' work now. */
    public boolean holdsTheWork() {
        return !processor().processingStatus().isEmpty();
    }

    /** The error that stopped this server's processor, if it holds the work and is stopped on an event. */
    public String processorError() {
        return processor().processingStatus().values().stream()
                .filter(EventTrackerStatus::isErrorState)
                .map(s -> String.valueOf(s.getError()))
                .findFirst()
                .orElse(null);
    }

    /** This server's processor of the views. */
    public StreamingEventProcessor processor() {
        return processing
                .eventProcessor(ViewProjection.GROUP, StreamingEventProcessor.class)
                .orElseThrow(() -> new IllegalStateException("no event processor '" + ViewProjection.GROUP + "'"));
    }
}

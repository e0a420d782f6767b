package org.negotiationledger.api.view;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.tokenstore.UnableToClaimTokenException;
import org.negotiationledger.projections.store.ViewProjection;
import org.negotiationledger.projections.store.ViewTables;
import org.negotiationledger.seal.events.EventTables;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Rebuilds the views from the full history into a new generation of their tables while the serving generation
 * keeps answering, asked of any server and carried out once. A request is a row ({@code view_rebuild}); every
 * server looks at it twice a second, and the one whose processor holds the views' work (their token) takes it
 * up: it marks the row as its own (BUILDING), folds the history into the next generation ({@link GenerationBuild}),
 * adds the indexes, folds what came meanwhile until it is within {@value #SWITCH_WITHIN} events of the head (in
 * at most {@value #CATCH_UP_PASSES} passes, so that steady writes cannot hold it back), and then switches in one
 * transaction: it claims the views' token, folds the rest up to the head it reads then, names the new generation
 * as serving and moves the token to that head. Its live processor meanwhile keeps the serving generation
 * current. A build that fails leaves the serving generation (FAILED, asked again by a new request); one whose
 * server dies is started again by whichever server holds the views' work once the build's heartbeat has stood
 * still for {@code ledger.views.rebuild-stall-timeout}. The generation left behind is dropped a little later
 * ({@value #RETIRE_AFTER_SECONDS} s), when no query that began before the switch can still be reading it.
 * Progress is read from the row and the views' token, so it reads the same on every server; a rebuild reads
 * DONE from its switch on, and how far the live projection trails the head is {@code done} against {@code total}.
 */
@Service
public class Rebuilds {

    private static final Logger log = LoggerFactory.getLogger(Rebuilds.class);
    /** A build switches once it is this close to the head: the rest is folded inside the switch's transaction. */
    static final long SWITCH_WITHIN = 5_000;
    /** At most this many passes fold what came during the build before the switch, however fast events come. */
    static final int CATCH_UP_PASSES = 3;

    private static final long RETIRE_AFTER_SECONDS = 30;

    /**
     * Progress of the views: {@code done} events of {@code total} (global indexes), and while a rebuild runs,
     * its rate in events per second and the seconds it expects still to take.
     */
    @io.swagger.v3.oas.annotations.media.Schema(name = "RebuildProgress")
    public record Progress(
            String view,
            String state,
            long done,
            long total,
            double percent,
            Double rate,
            Long secondsLeft,
            int generation,
            String error) {}

    private final EventProcessingConfiguration processing;
    private final JdbcTemplate jdbc;
    private final EventTables events;
    private final Clock clock;
    private final TransactionTemplate transactions;
    private final ViewProjection projection;
    private final Duration stallTimeout;
    /** This server, as the builder of a rebuild. */
    private final String me = UUID.randomUUID().toString();

    private final ScheduledExecutorService watcher = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "ledger-rebuilds");
        thread.setDaemon(true);
        return thread;
    });
    /** Another server's build as last seen: its heartbeat, and when (System.nanoTime) it was seen to change. */
    private long seenHeartbeat = -1;

    private long seenAt;
    /** A generation this server switched away from, and when (System.nanoTime) it may be dropped. */
    private ViewTables retiring;

    private long retireAt;
    private boolean layoutChecked;

    public Rebuilds(
            EventProcessingConfiguration processing,
            JdbcTemplate jdbc,
            EventTables events,
            Clock clock,
            TransactionTemplate transactions,
            ViewProjection projection,
            @Value("${ledger.views.rebuild-stall-timeout:60s}") Duration stallTimeout) {
        this.processing = processing;
        this.jdbc = jdbc;
        this.events = events;
        this.clock = clock;
        this.transactions = transactions;
        this.projection = projection;
        this.stallTimeout = stallTimeout;
    }

    @PostConstruct
    void watch() {
        watcher.scheduleWithFixedDelay(this::carryOut, 500, 500, TimeUnit.MILLISECONDS);
    }

    /** Asks for a rebuild if the serving generation was built with an older layout of the view tables. */
    private void checkLayout() {
        int changed = jdbc.update(
                "UPDATE view_rebuild SET state = 'REQUESTED', requested_at = ? WHERE id = 1 "
                        + "AND schema_version < ? AND state NOT IN ('REQUESTED', 'BUILDING')",
                Timestamp.from(clock.instant()),
                ViewTables.SCHEMA);
        if (changed > 0) {
            log.info(
                    "The views were built with an older layout; a rebuild into layout {} is asked for, and the views "
                            + "as they are keep answering until it takes over",
                    ViewTables.SCHEMA);
        }
        layoutChecked = true;
    }

    @PreDestroy
    void stop() {
        watcher.shutdownNow();
    }

    /**
     * Asks for a rebuild; whichever server holds the views' work carries it out. A rebuild under way already
     * will take in everything stored before its switch, so it answers this request too.
     */
    public Progress start(String view) {
        jdbc.update(
                "UPDATE view_rebuild SET state = 'REQUESTED', requested_at = ? WHERE id = 1 AND state <> 'BUILDING'",
                Timestamp.from(clock.instant()));
        return progress(view);
    }

    private record Request(String state, int serving, String builder, long heartbeat) {}

    private Request request() {
        Map<String, Object> row =
                jdbc.queryForMap("SELECT state, serving, builder, heartbeat FROM view_rebuild WHERE id = 1");
        return new Request(
                (String) row.get("state"),
                ((Number) row.get("serving")).intValue(),
                (String) row.get("builder"),
                ((Number) row.get("heartbeat")).longValue());
    }

    /** On the server that holds the views' work: takes up a requested rebuild, or one whose server fell silent. */
    private void carryOut() {
        try {
            if (!layoutChecked) {
                checkLayout();
            }
            retire();
            if (!holdsTheWork()) {
                return;
            }
            Request request = request();
            boolean claimed;
            if ("REQUESTED".equals(request.state())) {
                claimed = claim("state = 'REQUESTED'");
            } else if ("BUILDING".equals(request.state()) && !me.equals(request.builder())) {
                if (request.heartbeat() != seenHeartbeat) {
                    seenHeartbeat = request.heartbeat();
                    seenAt = System.nanoTime();
                    return;
                }
                if (System.nanoTime() - seenAt < stallTimeout.toNanos()) {
                    return;
                }
                log.warn(
                        "The rebuild of the views by another server has made no progress for {}; starting it again",
                        stallTimeout);
                claimed = claim("state = 'BUILDING' AND heartbeat = " + request.heartbeat());
            } else {
                return;
            }
            if (claimed) {
                build(request.serving());
            }
        } catch (RuntimeException e) {
            log.warn("Could not look for or carry out a requested rebuild; trying again", e);
        }
    }

    private boolean claim(String condition) {
        return jdbc.update(
                        "UPDATE view_rebuild SET state = 'BUILDING', builder = ?, building = serving + 1, "
                                + "heartbeat = heartbeat + 1, done = 0, total = ?, elapsed_ms = 0, started_at = ? WHERE id = 1 AND "
                                + condition,
                        me,
                        head(),
                        Timestamp.from(clock.instant()))
                == 1;
    }

    /** Builds generation {@code serving + 1} and switches to it; on failure the serving one stays. */
    private void build(int serving) {
        ViewTables next = new ViewTables(serving + 1);
        long started = System.nanoTime();
        // Reported in a transaction of its own, so that every server sees it while the build's is still open.
        TransactionTemplate own = new TransactionTemplate(transactions.getTransactionManager());
        own.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        GenerationBuild.Progress progress = (done, total) -> Boolean.TRUE.equals(own.execute(status -> jdbc.update(
                        "UPDATE view_rebuild SET done = ?, total = ?, elapsed_ms = ?, heartbeat = heartbeat + 1 WHERE id = 1 "
                                + "AND state = 'BUILDING' AND builder = ?",
                        done,
                        total,
                        (System.nanoTime() - started) / 1_000_000,
                        me)
                == 1));
        try {
            if (serving > 1) {
                new ViewTables(serving - 1).drop(jdbc); // left by a server that switched and died before dropping it
            }
            GenerationBuild build = new GenerationBuild(jdbc, events, transactions, next);
            build.prepare();
            build.foldUpTo(head(), progress);
            long folded = System.nanoTime();
            build.index(progress);
            long indexed = System.nanoTime();
            // Each pass folds what came during the one before, so passes shrink while the fold outruns the writes;
            // they are counted all the same, so that no write rate can keep the build from switching: the switch
            // folds whatever is left, up to the head it reads once it holds the views' token.
            for (int pass = 0; pass < CATCH_UP_PASSES && head() - build.last() > SWITCH_WITHIN; pass++) {
                build.foldUpTo(head(), progress);
            }
            long caughtUp = System.nanoTime();
            switchTo(next, build);
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
            retiring = new ViewTables(serving);
            retireAt = System.nanoTime() + TimeUnit.SECONDS.toNanos(RETIRE_AFTER_SECONDS);
        } catch (GenerationBuild.Superseded | UnableToClaimTokenException lost) {
            // Another server has taken the views' work (or the rebuild) over: it carries the request out.
            log.info("The rebuild of the views passed to another server: {}", lost.getMessage());
            jdbc.update(
                    "UPDATE view_rebuild SET state = 'REQUESTED', builder = NULL WHERE id = 1 AND builder = ? "
                            + "AND state = 'BUILDING'",
                    me);
        } catch (RuntimeException failed) {
            // Not retried by itself, which would loop on a bad event; a new request starts it again.
            log.error("The rebuild of the views failed; generation {} goes on serving", serving, failed);
            jdbc.update("UPDATE view_rebuild SET state = 'FAILED', builder = NULL WHERE id = 1 AND builder = ?", me);
            dropQuietly(next);
        }
    }

    /**
     * In one transaction: claims the views' token (this server's processor let it go), folds what came since,
     * names the new generation as serving and moves the token to the head it reached. Queries read the serving
     * generation per call, and the live projection per batch, so after the commit both go to the new one.
     */
    private void switchTo(ViewTables next, GenerationBuild build) {
        StreamingEventProcessor processor = processor();
        processor.shutDown();
        try {
            transactions.executeWithoutResult(status -> {
                EventTables.ClaimedTokens tokens = events.claimTokens(ViewProjection.GROUP);
                long head = head();
                build.finish(head);
                int switched = jdbc.update(
                        "UPDATE view_rebuild SET serving = ?, schema_version = ?, state = 'DONE', "
                                + "building = NULL, builder = NULL, done = ?, total = ? WHERE id = 1 AND state = 'BUILDING' "
                                + "AND builder = ?",
                        next.generation(),
                        ViewTables.SCHEMA,
                        head,
                        head,
                        me);
                if (switched != 1) {
                    throw new GenerationBuild.Superseded();
                }
                tokens.moveTo(head, build.gapsBelow(head));
            });
            projection.forgetCachedReports();
        } finally {
            processor.start();
        }
    }

    /** Drops the generation switched away from, once no query begun before the switch can be reading it. */
    private void retire() {
        if (retiring != null && System.nanoTime() - retireAt > 0) {
            dropQuietly(retiring);
            retiring = null;
        }
    }

    private void dropQuietly(ViewTables tables) {
        try {
            tables.drop(jdbc);
        } catch (RuntimeException e) {
            log.warn(
                    "Could not drop generation {} of the view tables; the next rebuild drops it",
                    tables.generation(),
                    e);
        }
    }

    public Progress progress(String view) {
        return progress(view, head(), this::position);
    }

    /** The progress, with the head and the views' position already read by the caller (ViewMetrics). */
    Progress progress(String view, long head, LongSupplier position) {
        Map<String, Object> row =
                jdbc.queryForMap("SELECT state, serving, done, total, elapsed_ms FROM view_rebuild " + "WHERE id = 1");
        String requested = (String) row.get("state");
        int generation = ((Number) row.get("serving")).intValue();
        if ("BUILDING".equals(requested)) {
            long done = ((Number) row.get("done")).longValue();
            long total = Math.max(((Number) row.get("total")).longValue(), done);
            long elapsed = ((Number) row.get("elapsed_ms")).longValue();
            Double rate = elapsed == 0 ? null : Math.round(done * 10_000.0 / elapsed) / 10.0;
            Long left = rate == null || rate == 0 ? null : (long) Math.ceil((total - done) / rate);
            return new Progress(view, "RUNNING", done, total, percent(done, total), rate, left, generation, null);
        }
        long done = "REQUESTED".equals(requested) ? 0 : Math.min(position.getAsLong(), head);
        String error = "FAILED".equals(requested)
                ? "the last rebuild failed; the views as they were go on serving; see the server's log"
                : processorError();
        // Once switched, the rebuild is over: the live projection then trails the head by the events of its
        // current batch, which steady writes never let fall to none, so that lag is told by done < total alone
        // and never keeps a finished rebuild reading RUNNING.
        String state = error != null ? "FAILED" : "REQUESTED".equals(requested) ? "RUNNING" : "DONE";
        return new Progress(view, state, done, head, percent(done, head), null, null, generation, error);
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

    /** Where the views have got to, by their stored token, whichever server holds it. */
    long position() {
        return events.position(ViewProjection.GROUP);
    }

    long head() {
        return events.head();
    }

    StreamingEventProcessor processor() {
        return processing
                .eventProcessor(ViewProjection.GROUP, StreamingEventProcessor.class)
                .orElseThrow(() -> new IllegalStateException("no event processor '" + ViewProjection.GROUP + "'"));
    }
}

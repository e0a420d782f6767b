package org.negotiationledger.api.view;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventhandling.tokenstore.UnableToClaimTokenException;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.negotiationledger.projections.store.ViewProjection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Rebuilds the views from the full history, asked of any server and carried out once, by the server that holds
 * the views' work. A request is a row ({@code view_rebuild}); every server looks at it twice a second, and the
 * one whose processor holds the views' token stops it and, in one transaction, claims the token, folds the whole
 * history into the view tables through the same fold as the live projection ({@link HistoryRebuild}), and moves
 * the token to the head it folded to; then it starts the processor again, which goes on from there. Until the
 * commit every query and stream answers from the views as they were; a rebuild that fails or is killed leaves
 * them so, and the request stands. If the token moves to another server meanwhile (this one stops, or dies),
 * that server carries the request out. Progress is read from the database, so it reads the same on every
 * server: the views' token position against the head of the history (or the head the rebuild must reach).
 */
@Service
public class Rebuilds {

    private static final Logger log = LoggerFactory.getLogger(Rebuilds.class);

    /** Progress of the views: {@code done} events of {@code total}. */
    public record Progress(String view, String state, long done, long total, double percent, String error) {
    }

    private final EventProcessingConfiguration processing;
    private final JdbcTemplate jdbc;
    private final Serializer serializer;
    private final Clock clock;
    private final TokenStore tokenStore;
    private final TransactionTemplate transactions;
    private final ViewProjection projection;
    private final ScheduledExecutorService watcher = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "ledger-rebuilds");
        thread.setDaemon(true);
        return thread;
    });

    public Rebuilds(EventProcessingConfiguration processing, JdbcTemplate jdbc, Serializer serializer, Clock clock,
            TokenStore tokenStore, TransactionTemplate transactions, ViewProjection projection) {
        this.processing = processing;
        this.jdbc = jdbc;
        this.serializer = serializer;
        this.clock = clock;
        this.tokenStore = tokenStore;
        this.transactions = transactions;
        this.projection = projection;
    }

    @PostConstruct
    void watch() {
        watcher.scheduleWithFixedDelay(this::carryOut, 500, 500, TimeUnit.MILLISECONDS);
    }

    @PreDestroy
    void stop() {
        watcher.shutdownNow();
    }

    /** Asks for a rebuild; whichever server holds the views' work carries it out (and sets the head it reached). */
    public Progress start(String view) {
        jdbc.update("UPDATE view_rebuild SET state = 'REQUESTED', requested_at = ? WHERE id = 1",
                Timestamp.from(clock.instant()));
        return progress(view);
    }

    /** On the server that holds the views' token: starts a requested rebuild. */
    private void carryOut() {
        try {
            StreamingEventProcessor processor = processor();
            if (processor.processingStatus().isEmpty() || !"REQUESTED".equals(state())) {
                return;
            }
            synchronized (this) {
                processor.shutDown();
                try {
                    long started = System.nanoTime();
                    Long rebuiltTo = transactions.execute(status -> rebuild());
                    log.info("Rebuilt the views from the full history (to global index {}) in {} ms", rebuiltTo,
                            (System.nanoTime() - started) / 1_000_000);
                } catch (UnableToClaimTokenException another) {
                    // Another server claimed the token while this one let it go: it will carry the request out.
                } catch (RuntimeException failed) {
                    // Rolled back: the views are as they were. Not retried by itself, which would loop on a bad event.
                    log.error("The rebuild of the views failed; they are as they were", failed);
                    jdbc.update("UPDATE view_rebuild SET state = 'FAILED' WHERE id = 1 AND state = 'REQUESTED'");
                } finally {
                    processor.start();
                }
            }
        } catch (RuntimeException e) {
            log.warn("Could not look for or start a requested rebuild; trying again", e);
        }
    }

    /**
     * In one transaction: claims the views' token, folds the whole history into the view tables
     * ({@link HistoryRebuild}), and moves the token to where the fold ended, so that the live projection goes on
     * from there. Readers see the old views until the commit, and the new ones after it.
     */
    private Long rebuild() {
        int[] segments = tokenStore.fetchSegments(ViewProjection.GROUP);
        for (int segment : segments) {
            tokenStore.fetchToken(ViewProjection.GROUP, segment); // claims it, or throws if another server holds it
        }
        TrackingToken head = HistoryRebuild.run(jdbc, serializer);
        for (int segment : segments) {
            tokenStore.storeToken(head, ViewProjection.GROUP, segment);
        }
        long target = head == null ? 0 : head.position().orElse(0L);
        jdbc.update("UPDATE view_rebuild SET state = 'STARTED', target_index = ? WHERE id = 1 AND state = 'REQUESTED'",
                target);
        projection.forgetCachedReports();
        return target;
    }

    public Progress progress(String view) {
        Map<String, Object> request = jdbc.queryForMap("SELECT state, target_index FROM view_rebuild WHERE id = 1");
        String requested = (String) request.get("state");
        long head = head();
        long total = "STARTED".equals(requested) ? Math.max(((Number) request.get("target_index")).longValue(), head) : head;
        long done = "REQUESTED".equals(requested) ? 0 : Math.min(position(), total);
        String error = "FAILED".equals(requested)
                ? "the last rebuild failed and was rolled back (the views are as they were); see the server's log"
                : localError();
        String state = error != null ? "FAILED" : "REQUESTED".equals(requested) || done < total ? "RUNNING" : "DONE";
        double percent = total == 0 ? 100.0 : Math.floor(1000.0 * done / total) / 10.0;
        return new Progress(view, state, done, total, percent, error);
    }

    /** Whether this server's processor for the views is running, and so may take up their work. */
    public boolean isRunning() {
        return processor().isRunning();
    }

    /** Whether this server holds the views' work now. */
    public boolean holdsTheWork() {
        return !processor().processingStatus().isEmpty();
    }

    public boolean isReplaying() {
        return processor().isReplaying();
    }

    /** The error that stopped this server's processor, if it holds the work and is stopped on an event. */
    private String localError() {
        return processor().processingStatus().values().stream().filter(EventTrackerStatus::isErrorState)
                .map(s -> String.valueOf(s.getError())).findFirst().orElse(null);
    }

    /** Where the views have got to, by their stored token, whichever server holds it. */
    private long position() {
        List<Long> positions = jdbc.query("SELECT token, tokenType FROM TokenEntry WHERE processorName = ?",
                (rs, n) -> {
                    byte[] token = rs.getBytes(1);
                    String type = rs.getString(2);
                    if (token == null || type == null) {
                        return 0L;
                    }
                    TrackingToken tracking = serializer.deserialize(new SimpleSerializedObject<>(token, byte[].class,
                            type, null));
                    return tracking == null ? 0L : tracking.position().orElse(0L);
                }, ViewProjection.GROUP);
        return positions.stream().mapToLong(Long::longValue).min().orElse(0L);
    }

    private String state() {
        return jdbc.queryForObject("SELECT state FROM view_rebuild WHERE id = 1", String.class);
    }

    private long head() {
        Long max = jdbc.queryForObject("SELECT MAX(globalIndex) FROM DomainEventEntry", Long.class);
        return max == null ? 0 : max;
    }

    StreamingEventProcessor processor() {
        return processing.eventProcessor(ViewProjection.GROUP, StreamingEventProcessor.class).orElseThrow(() ->
                new IllegalStateException("no event processor '" + ViewProjection.GROUP + "'"));
    }
}

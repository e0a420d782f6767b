package org.negotiationledger.api.audit;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.negotiationledger.api.config.DaemonThreads;
import org.negotiationledger.api.storage.SnapshotAudit;
import org.negotiationledger.seal.HistoryVerifier;
import org.negotiationledger.seal.Seal;
import org.negotiationledger.seal.VerificationReport;
import org.negotiationledger.seal.events.EventTables;
import org.negotiationledger.seal.events.StoredEvent;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Verifies the stored history: every event read once, in global order, straight from the event table
 * ({@link EventTables}); then
 * every snapshot against the events it summarizes ({@link SnapshotAudit}).
 */
@Service
public class Verification {

    private final JdbcTemplate jdbc;
    private final EventTables events;
    private final SnapshotAudit snapshots;

    public Verification(JdbcTemplate jdbc, EventTables events, SnapshotAudit snapshots) {
        this.jdbc = jdbc;
        this.events = events;
        this.snapshots = snapshots;
    }

    /**
     * Reads the event table on this thread and checks on another, a batch at a time: reading rows and hashing
     * them each take about half the time, and a server has more than one core.
     */
    @Transactional(readOnly = true)
    public VerificationReport verify(Long notedIndex, String notedHead) {
        Long sealedAfter = jdbc.queryForObject("SELECT sealed_after_index FROM ledger_seal WHERE id = 1", Long.class);
        HistoryVerifier verifier = new HistoryVerifier(sealedAfter, notedIndex);
        BlockingQueue<List<StoredEvent>> batches = new ArrayBlockingQueue<>(8);
        ExecutorService checker = Executors.newSingleThreadExecutor(DaemonThreads.named("ledger-verify-"));
        Future<?> checking = checker.submit(() -> {
            for (List<StoredEvent> batch = take(batches); !batch.isEmpty(); batch = take(batches)) {
                for (StoredEvent row : batch) {
                    Seal.Metadata metadata =
                            Seal.metadata(row.metaData() == null ? new byte[] {'{', '}'} : row.metaData());
                    verifier.accept(new HistoryVerifier.Event(
                            row.globalIndex(),
                            new Seal.Content(
                                    row.aggregateIdentifier(),
                                    row.sequenceNumber(),
                                    row.eventIdentifier(),
                                    row.payloadType(),
                                    row.payloadRevision(),
                                    Seal.storedTime(row.timeStamp()),
                                    row.payload(),
                                    metadata.canonical()),
                            metadata.digest(),
                            metadata.sealedAfter()));
                }
            }
            return null;
        });
        try {
            List<List<StoredEvent>> current = new ArrayList<>(List.of(new ArrayList<>(BATCH)));
            events.forEach(EventTables.Selection.all(), BATCH, event -> {
                current.get(0).add(event);
                if (current.get(0).size() == BATCH) {
                    put(batches, current.get(0), checking);
                    current.set(0, new ArrayList<>(BATCH));
                }
            });
            if (!current.get(0).isEmpty()) {
                put(batches, current.get(0), checking);
            }
            put(batches, List.of(), checking);
            checking.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("verification interrupted", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("verification failed", e.getCause());
        } finally {
            checking.cancel(true);
            checker.shutdownNow();
        }
        VerificationReport events = VerificationReport.of(verifier.result(), notedHead);
        if (!events.verified()) {
            return events;
        }
        return snapshots
                .firstMismatch()
                .map(forged -> events.brokenAt(
                        forged.stream(),
                        forged.sequence(),
                        null,
                        "the record's snapshot at this sequence does not hold the state its events "
                                + "give: it was changed, and commands on the record may have been decided on it"))
                .orElse(events);
    }

    private static final int BATCH = 2_000;

    private static List<StoredEvent> take(BlockingQueue<List<StoredEvent>> batches) throws InterruptedException {
        return batches.take();
    }

    /** Hands a batch to the checker, giving up if the checker has failed. */
    private static void put(BlockingQueue<List<StoredEvent>> batches, List<StoredEvent> batch, Future<?> checking) {
        try {
            while (!batches.offer(batch, 100, TimeUnit.MILLISECONDS)) {
                if (checking.isDone()) {
                    return;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("verification interrupted", e);
        }
    }
}

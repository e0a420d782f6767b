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
import org.negotiationledger.api.store.SnapshotAudit;
import org.negotiationledger.seal.HistoryVerifier;
import org.negotiationledger.seal.Seal;
import org.negotiationledger.seal.VerificationReport;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Verifies the stored history: every event read once, in global order, straight from the event table; then
 * every snapshot against the events it summarizes ({@link SnapshotAudit}).
 */
@Service
public class Verification {

    private final JdbcTemplate jdbc;
    private final SnapshotAudit snapshots;

    public Verification(JdbcTemplate jdbc, SnapshotAudit snapshots) {
        this.jdbc = jdbc;
        this.snapshots = snapshots;
    }

    /** One stored event as read, before any work on it. */
    private record Row(
            long globalIndex,
            String stream,
            long sequence,
            String eventId,
            String payloadType,
            String payloadRevision,
            String timeStamp,
            byte[] payload,
            byte[] metadata) {}

    /**
     * Reads the event table on this thread and checks on another, a batch at a time: reading rows and hashing
     * them each take about half the time, and a server has more than one core.
     */
    @Transactional(readOnly = true)
    public VerificationReport verify(Long notedIndex, String notedHead) {
        Long sealedAfter = jdbc.queryForObject("SELECT sealed_after_index FROM ledger_seal WHERE id = 1", Long.class);
        HistoryVerifier verifier = new HistoryVerifier(sealedAfter, notedIndex);
        BlockingQueue<List<Row>> batches = new ArrayBlockingQueue<>(8);
        ExecutorService checker = Executors.newSingleThreadExecutor(runnable -> new Thread(runnable, "ledger-verify"));
        Future<?> checking = checker.submit(() -> {
            for (List<Row> batch = take(batches); !batch.isEmpty(); batch = take(batches)) {
                for (Row row : batch) {
                    Seal.Metadata metadata =
                            Seal.metadata(row.metadata() == null ? new byte[] {'{', '}'} : row.metadata());
                    verifier.accept(new HistoryVerifier.Event(
                            row.globalIndex(),
                            new Seal.Content(
                                    row.stream(),
                                    row.sequence(),
                                    row.eventId(),
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
            JdbcTemplate reader = new JdbcTemplate(jdbc.getDataSource());
            reader.setFetchSize(BATCH);
            List<List<Row>> current = new ArrayList<>(List.of(new ArrayList<>(BATCH)));
            reader.query(
                    "SELECT globalIndex, aggregateIdentifier, sequenceNumber, eventIdentifier, payloadType, "
                            + "payloadRevision, timeStamp, payload, metaData FROM DomainEventEntry ORDER BY globalIndex",
                    rs -> {
                        current.get(0)
                                .add(new Row(
                                        rs.getLong(1),
                                        rs.getString(2),
                                        rs.getLong(3),
                                        rs.getString(4),
                                        rs.getString(5),
                                        rs.getString(6),
                                        rs.getString(7),
                                        rs.getBytes(8),
                                        rs.getBytes(9)));
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

    private static List<Row> take(BlockingQueue<List<Row>> batches) throws InterruptedException {
        return batches.take();
    }

    /** Hands a batch to the checker, giving up if the checker has failed. */
    private static void put(BlockingQueue<List<Row>> batches, List<Row> batch, Future<?> checking) {
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

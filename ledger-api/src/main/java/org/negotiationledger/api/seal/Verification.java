package org.negotiationledger.api.seal;

import com.fasterxml.jackson.annotation.JsonInclude;
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
import org.negotiationledger.core.shared.RecordId;
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

    /** The answer of {@code GET /api/v1/audit/verify}: as the contract has it, with where a break is. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Report(
            boolean verified,
            long events,
            long unsealed,
            String head,
            long headIndex,
            String aggregateId,
            String aggregateType,
            Long sequence,
            Long globalIndex,
            String reason,
            Noted noted) {}

    /** A head an auditor noted earlier, and whether the history up to its index still gives it. */
    public record Noted(long globalIndex, String head, String headNow, boolean matches) {}

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
    public Report verify(Long notedIndex, String notedHead) {
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
                            row.stream(),
                            row.sequence(),
                            row.eventId(),
                            row.payloadType(),
                            row.payloadRevision(),
                            Seal.storedTime(row.timeStamp()),
                            row.payload(),
                            metadata.canonical(),
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
        Report events = report(verifier.result(), notedHead);
        if (!events.verified()) {
            return events;
        }
        return snapshots
                .firstMismatch()
                .map(forged -> new Report(
                        false,
                        events.events(),
                        events.unsealed(),
                        events.head(),
                        events.headIndex(),
                        RecordId.slugOf(forged.stream()),
                        RecordId.kindOf(forged.stream()),
                        forged.sequence(),
                        null,
                        "the record's snapshot at this sequence does not hold the state its events "
                                + "give: it was changed, and commands on the record may have been decided on it",
                        events.noted()))
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

    /** The report of a verification, from the server or from an export; the same either way. */
    public static Report report(HistoryVerifier.Result result, String notedHead) {
        Noted noted = result.notedIndex() == null
                ? null
                : new Noted(
                        result.notedIndex(),
                        notedHead,
                        result.headAtNotedIndex(),
                        notedHead != null && notedHead.equalsIgnoreCase(result.headAtNotedIndex()));
        HistoryVerifier.Break broken = result.broken();
        if (broken == null && noted != null && notedHead != null && !noted.matches()) {
            return new Report(
                    false,
                    result.events(),
                    result.unsealed(),
                    result.head(),
                    result.lastIndex(),
                    null,
                    null,
                    null,
                    noted.globalIndex(),
                    "the history up to global index " + noted.globalIndex()
                            + " no longer gives the head noted then: it was changed, or events were removed, added or "
                            + "reordered",
                    noted);
        }
        if (broken == null) {
            return new Report(
                    true,
                    result.events(),
                    result.unsealed(),
                    result.head(),
                    result.lastIndex(),
                    null,
                    null,
                    null,
                    null,
                    null,
                    noted);
        }
        return new Report(
                false,
                result.events(),
                result.unsealed(),
                result.head(),
                result.lastIndex(),
                RecordId.slugOf(broken.stream()),
                RecordId.kindOf(broken.stream()),
                broken.sequence(),
                broken.globalIndex(),
                broken.reason(),
                noted);
    }
}

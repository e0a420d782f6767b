package org.negotiationledger.api.view;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.axonframework.common.DateTimeUtils;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.negotiationledger.projections.fold.Fact;
import org.negotiationledger.projections.store.JdbcViewStore;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Folds the whole stored history into the view tables, in the caller's transaction: the same fold as the live
 * projection ({@link JdbcViewStore#fold}), fed straight from the event table a page at a time, with each view row
 * written once per {@value #FLUSH} events rather than once per batch of the live projection. Run in one
 * transaction with the views' token moved to the head it read up to, it replaces the views at commit: until
 * then every reader sees the views as they were, and a rebuild that fails or is killed leaves them so.
 */
final class HistoryRebuild {

    /** Events read from the table at once. */
    private static final int PAGE = 10_000;
    /** Events folded before their rows are written: the larger, the fewer times a busy row is rewritten. */
    private static final int FLUSH = 200_000;
    /** Missing indexes this close below the head are kept as gaps: a transaction may still commit them. */
    private static final long GAP_WINDOW = 10_000;

    private record Row(long globalIndex, String stream, long sequence, String timeStamp, String payloadType,
            String payloadRevision, byte[] payload) {
    }

    private HistoryRebuild() {
    }

    /**
     * Empties the views and folds every event up to the present head into them.
     *
     * @return the token at that head (with the gaps below it that may yet fill), where the live projection
     *         goes on from; null when the history is empty
     */
    static TrackingToken run(JdbcTemplate jdbc, Serializer serializer) {
        Long head = jdbc.queryForObject("SELECT MAX(globalIndex) FROM DomainEventEntry", Long.class);
        JdbcViewStore.clear(jdbc);
        if (head == null) {
            return null;
        }
        TreeSet<Long> gaps = new TreeSet<>();
        JdbcViewStore store = new JdbcViewStore(jdbc);
        long folded = 0;
        long last = -1;
        for (List<Row> page = page(jdbc, last, head); !page.isEmpty(); page = page(jdbc, last, head)) {
            for (Row row : page) {
                for (long missing = Math.max(last + 1, head - GAP_WINDOW); missing < row.globalIndex(); missing++) {
                    gaps.add(missing);
                }
                last = row.globalIndex();
                Object payload = serializer.deserialize(new SimpleSerializedObject<>(row.payload(), byte[].class,
                        row.payloadType(), row.payloadRevision()));
                Instant recordedAt = DateTimeUtils.parseInstant(row.timeStamp());
                store.fold(new Fact(row.globalIndex(), row.stream(), row.sequence(), recordedAt, payload));
                if (++folded % FLUSH == 0) {
                    store.flush();
                    store = new JdbcViewStore(jdbc);
                }
            }
        }
        store.flush();
        for (long missing = Math.max(last + 1, head - GAP_WINDOW); missing < head; missing++) {
            gaps.add(missing);
        }
        return GapAwareTrackingToken.newInstance(head, gaps);
    }

    private static List<Row> page(JdbcTemplate jdbc, long after, long head) {
        List<Row> rows = new ArrayList<>(PAGE);
        jdbc.query("SELECT globalIndex, aggregateIdentifier, sequenceNumber, timeStamp, payloadType, payloadRevision, "
                        + "payload FROM DomainEventEntry WHERE globalIndex > ? AND globalIndex <= ? ORDER BY globalIndex "
                        + "FETCH FIRST " + PAGE + " ROWS ONLY",
                rs -> {
                    rows.add(new Row(rs.getLong(1), rs.getString(2), rs.getLong(3), rs.getString(4), rs.getString(5),
                            rs.getString(6), rs.getBytes(7)));
                }, after, head);
        return rows;
    }
}

package org.negotiationledger.projections.store;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.negotiationledger.projections.fold.CommitmentState;
import org.negotiationledger.projections.fold.ReportState;

/**
 * The reports of recently changed commitments, kept between batches so that a batch need not read back the
 * reports it wrote before. An entry is used only while the commitment's row still has the same
 * {@code lastSequence}: if anything else (another node, a rebuild) changed the row, it is read again.
 */
final class ReportCache {

    private static final int CAPACITY = 20_000;

    private final Map<String, CommitmentState> entries;

    ReportCache() {
        this(CAPACITY);
    }

    ReportCache(int capacity) {
        entries = new LinkedHashMap<>(1024, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, CommitmentState> eldest) {
                return size() > capacity;
            }
        };
    }

    synchronized List<ReportState> reports(CommitmentState header) {
        CommitmentState cached = entries.get(header.id());
        return cached != null && cached.lastSequence() == header.lastSequence() ? cached.reports() : null;
    }

    /** The commitment as last written, if kept: for a rebuild's own generation, which no one else writes. */
    synchronized CommitmentState kept(String id) {
        return entries.get(id);
    }

    /** Called after a batch committed, with the commitments it wrote. */
    synchronized void committed(Iterable<CommitmentState> written) {
        written.forEach(c -> entries.put(c.id(), c));
    }

    synchronized void clear() {
        entries.clear();
    }
}

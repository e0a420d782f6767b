package org.negotiationledger.projections.tables;

import java.util.LinkedHashMap;
import java.util.Map;
import org.negotiationledger.projections.fold.CommitmentState;

/**
 * The most recently changed commitments as last written, with their reports and the actors those name, kept
 * between batches so that a batch need not read back what it wrote before. The live projection keeps one
 * ({@link #ReportCache()}), whose entry serves only while the commitment's row still has the same
 * {@code lastSequence}: if anything else (another node, a rebuild) changed the row, it is read again. A
 * rebuild keeps a larger one in its {@link WrittenRows}, whose entries are the rows: nothing else writes there.
 */
final class ReportCache {

    private static final int CAPACITY = 20_000;

    private final Map<String, StoredCommitment> entries;

    ReportCache() {
        this(CAPACITY);
    }

    ReportCache(int capacity) {
        entries = new LinkedHashMap<>(1024, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, StoredCommitment> eldest) {
                return size() > capacity;
            }
        };
    }

    /** The commitment as last written, if kept and still the row {@code header} was read from. */
    synchronized StoredCommitment kept(CommitmentState header) {
        StoredCommitment kept = entries.get(header.id());
        return kept != null && kept.state().lastSequence() == header.lastSequence() ? kept : null;
    }

    /** The commitment as last written, if kept: for a rebuild's own generation, which no one else writes. */
    synchronized StoredCommitment kept(String id) {
        return entries.get(id);
    }

    /** Called once a batch's rows are written for good, with the commitments it wrote. */
    synchronized void committed(Iterable<StoredCommitment> written) {
        written.forEach(c -> entries.put(c.state().id(), c));
    }

    synchronized void clear() {
        entries.clear();
    }
}

package org.negotiationledger.projections.tables;

import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * What a rebuild has written to the generation it fills, across its batches: nothing else writes there, so the
 * rows that exist are the ones written, and the commitments last written are the rows. Keeps the keys of the
 * rows written to each table under an id, and the latest commitments with their reports (the most recently
 * changed {@value #KEPT}; the rest are read back when touched). The timeline's rows are not kept: a rebuild
 * folds each event once, so none of an event's entries exists before it writes them. One per rebuild, used by
 * one thread.
 */
public final class WrittenRows extends ExistingRows {

    private static final int KEPT = 200_000;

    private final Map<String, Set<String>> written = new HashMap<>();
    final ReportCache commitments = new ReportCache(KEPT);

    public WrittenRows() {}

    @Override
    boolean mayExist(String table, Object key) {
        return written.getOrDefault(table, Set.of()).contains(key);
    }

    @Override
    StoredCommitment lastWritten(String id) {
        return commitments.kept(id);
    }

    @Override
    void wrote(String table, Collection<String> keys) {
        written.computeIfAbsent(table, t -> new HashSet<>()).addAll(keys);
    }

    /** Kept as soon as written: a rebuild's batch that fails fails the rebuild. */
    @Override
    void wrote(Iterable<StoredCommitment> written) {
        commitments.committed(written);
    }
}

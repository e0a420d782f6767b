package org.negotiationledger.api.stream;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.TreeSet;
import org.negotiationledger.projections.fold.CommitmentState;
import org.negotiationledger.projections.fold.CommitmentViews;
import org.negotiationledger.projections.tables.ViewQueries;

/**
 * When each commitment's view changes with the clock alone (it takes effect, expires, ends, is superseded),
 * kept by each server in memory from the views' own rows: read whole once, then the rows changed since, as
 * the streams poll. Nothing is recorded for such a change; nothing new was learned.
 */
final class ClockChanges {

    /** One commitment's view changing at {@code at} (epoch milliseconds). */
    record Change(long at, String commitmentId) implements Comparable<Change> {

        @Override
        public int compareTo(Change other) {
            int byTime = Long.compare(at, other.at);
            return byTime != 0 ? byTime : commitmentId.compareTo(other.commitmentId);
        }
    }

    private final TreeSet<Change> byTime = new TreeSet<>();
    private final Map<String, List<Change>> byCommitment = new HashMap<>();
    private long position = -1;

    /** The position of the last commitment row read, -1 before the first read. */
    synchronized long position() {
        return position;
    }

    /** Takes in commitment rows changed since {@link #position()}. */
    synchronized void update(List<ViewQueries.Change<CommitmentState>> rows) {
        for (ViewQueries.Change<CommitmentState> row : rows) {
            CommitmentState state = row.state();
            List<Change> old = byCommitment.remove(state.id());
            if (old != null) {
                old.forEach(byTime::remove);
            }
            List<Change> changes = new ArrayList<>();
            for (Instant at : CommitmentViews.clockChanges(state)) {
                changes.add(new Change(at.toEpochMilli(), state.id()));
            }
            byCommitment.put(state.id(), changes);
            byTime.addAll(changes);
            position = Math.max(position, row.position());
        }
    }

    /** The first instant after {@code after} at which some view changes with the clock. */
    synchronized OptionalLong next(long after) {
        Change next = byTime.higher(new Change(after, "\uffff"));
        return next == null ? OptionalLong.empty() : OptionalLong.of(next.at());
    }

    /**
     * The commitments whose views changed with the clock after {@code from} (exclusive) up to {@code until}
     * (inclusive), each once, at its last change in that span, in the order of those changes.
     */
    synchronized List<Change> between(Change from, long until) {
        Change to = new Change(until, "\uffff");
        if (from.compareTo(to) >= 0) {
            return List.of(); // a moment a client states may lie ahead of this server's clock
        }
        Map<String, Change> last = new HashMap<>();
        for (Change change : byTime.subSet(from, false, to, true)) {
            last.put(change.commitmentId(), change);
        }
        return last.values().stream().sorted().toList();
    }
}

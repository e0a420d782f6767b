package org.negotiationledger.projections.fold;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * The views held in memory: a fresh fold of a list of facts, the reference the live projection is compared
 * with, and the engine of reconstructions over a bounded set of facts.
 */
public final class InMemoryViews implements ViewStore {

    private final Kept<CommitmentState> commitments = new Kept<>(CommitmentState::id);
    private final Kept<NegotiationState> negotiations = new Kept<>(NegotiationState::id);
    private final Kept<StatementState> statements = new Kept<>(StatementState::id);
    private final Kept<ActorState> actors = new Kept<>(ActorState::id);
    private final Map<Long, List<TimelineEntry>> timeline = new TreeMap<>();

    /** One kind of state in memory, in the order first kept. */
    public static final class Kept<S> implements Shelf<S> {
        private final Map<String, S> byId = new LinkedHashMap<>();
        private final Function<S, String> idOf;

        private Kept(Function<S, String> idOf) {
            this.idOf = idOf;
        }

        @Override
        public S get(String id) {
            return byId.get(id);
        }

        @Override
        public void put(S state) {
            byId.put(idOf.apply(state), state);
        }

        public Collection<S> values() {
            return byId.values();
        }

        /** Every state by its id, read-only. */
        public Map<String, S> byId() {
            return Collections.unmodifiableMap(byId);
        }
    }

    public static InMemoryViews fold(Iterable<Fact> facts) {
        InMemoryViews views = new InMemoryViews();
        facts.forEach(fact -> ViewFold.apply(fact, views));
        return views;
    }

    @Override
    public Kept<CommitmentState> commitments() {
        return commitments;
    }

    @Override
    public Kept<StatementState> statements() {
        return statements;
    }

    @Override
    public Kept<ActorState> actors() {
        return actors;
    }

    @Override
    public Kept<NegotiationState> negotiations() {
        return negotiations;
    }

    /** A negotiation's timeline in valid-time order (ties in the order the ledger recorded them). */
    public List<TimelineEntry> timeline(String negotiationId) {
        List<TimelineEntry> entries = new ArrayList<>();
        timeline.values()
                .forEach(list -> list.stream()
                        .filter(e -> e.negotiationId().equals(negotiationId))
                        .forEach(entries::add));
        entries.sort(TIMELINE_ORDER);
        return entries;
    }

    public static final Comparator<TimelineEntry> TIMELINE_ORDER = Comparator.comparing(
                    TimelineEntry::validAtUtc, Comparator.nullsFirst(Comparator.naturalOrder()))
            .thenComparingLong(TimelineEntry::globalIndex)
            .thenComparingInt(TimelineEntry::entry);

    @Override
    public void putTimeline(long globalIndex, List<TimelineEntry> entries) {
        timeline.put(globalIndex, List.copyOf(entries));
    }
}

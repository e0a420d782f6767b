package org.negotiationledger.projections.fold;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The views held in memory: a fresh fold of a list of facts, the reference the live projection is compared
 * with, and the engine of reconstructions over a bounded set of facts.
 */
public final class InMemoryViews implements ViewStore {

    private final Map<String, CommitmentState> commitments = new LinkedHashMap<>();
    private final Map<String, NegotiationState> negotiations = new LinkedHashMap<>();
    private final Map<String, StatementState> statements = new LinkedHashMap<>();
    private final Map<String, ActorState> actors = new LinkedHashMap<>();
    private final Map<Long, List<TimelineEntry>> timeline = new TreeMap<>();

    public static InMemoryViews fold(Iterable<Fact> facts) {
        InMemoryViews views = new InMemoryViews();
        facts.forEach(fact -> ViewFold.apply(fact, views));
        return views;
    }

    public Map<String, CommitmentState> commitments() {
        return commitments;
    }

    public Map<String, StatementState> statements() {
        return statements;
    }

    public Map<String, ActorState> actors() {
        return actors;
    }

    public Map<String, NegotiationState> negotiations() {
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
    public CommitmentState commitment(String id) {
        return commitments.get(id);
    }

    @Override
    public void put(CommitmentState commitment) {
        commitments.put(commitment.id(), commitment);
    }

    @Override
    public NegotiationState negotiation(String id) {
        return negotiations.get(id);
    }

    @Override
    public void put(NegotiationState negotiation) {
        negotiations.put(negotiation.id(), negotiation);
    }

    @Override
    public StatementState statement(String id) {
        return statements.get(id);
    }

    @Override
    public void put(StatementState statement) {
        statements.put(statement.id(), statement);
    }

    @Override
    public ActorState actor(String id) {
        return actors.get(id);
    }

    @Override
    public void put(ActorState actor) {
        actors.put(actor.id(), actor);
    }

    @Override
    public void putTimeline(long globalIndex, List<TimelineEntry> entries) {
        timeline.put(globalIndex, List.copyOf(entries));
    }
}

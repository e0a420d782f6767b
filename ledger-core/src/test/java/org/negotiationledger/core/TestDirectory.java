package org.negotiationledger.core;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.negotiationledger.core.shared.ActorId;
import org.negotiationledger.core.shared.CommitmentId;
import org.negotiationledger.core.shared.Directory;
import org.negotiationledger.core.shared.NegotiationId;

/** A directory held in memory, pre-filled with the 2020 Nagorno-Karabakh actors and negotiation. */
public final class TestDirectory implements Directory {

    public static final ActorId ARMENIA = ActorId.of("armenia");
    public static final ActorId AZERBAIJAN = ActorId.of("azerbaijan");
    public static final ActorId RUSSIA = ActorId.of("russia");
    public static final ActorId FRANCE = ActorId.of("france");
    public static final ActorId UNITED_STATES = ActorId.of("united-states");
    public static final ActorId ICRC = ActorId.of("icrc");
    public static final NegotiationId NK = NegotiationId.of("nagorno-karabakh-2020");

    private final Set<ActorId> actors = new HashSet<>(Set.of(ARMENIA, AZERBAIJAN, RUSSIA, FRANCE, UNITED_STATES, ICRC));
    private final Set<CommitmentId> commitments = new HashSet<>();
    private final Map<NegotiationId, Set<ActorId>> negotiations = new HashMap<>(
            Map.of(NK, Set.of(RUSSIA, FRANCE, UNITED_STATES)));

    public TestDirectory withCommitment(CommitmentId commitment) {
        commitments.add(commitment);
        return this;
    }

    @Override
    public boolean actorExists(ActorId actor) {
        return actors.contains(actor);
    }

    @Override
    public boolean commitmentExists(CommitmentId commitment) {
        return commitments.contains(commitment);
    }

    @Override
    public Optional<Set<ActorId>> negotiationMediators(NegotiationId negotiation) {
        return Optional.ofNullable(negotiations.get(negotiation));
    }
}

package org.negotiationledger.core;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.negotiationledger.core.shared.ActorId;
import org.negotiationledger.core.shared.CommitmentId;
import org.negotiationledger.core.shared.Directory;
import org.negotiationledger.core.shared.NegotiationId;

/** A directory held in memory, pre-filled with the 2020 Nagorno-Karabakh actors and negotiation. */
public final class TestDirectory implements Directory {

    public static final ActorId ARMENIA = new ActorId("armenia");
    public static final ActorId AZERBAIJAN = new ActorId("azerbaijan");
    public static final ActorId RUSSIA = new ActorId("russia");
    public static final ActorId FRANCE = new ActorId("france");
    public static final ActorId UNITED_STATES = new ActorId("united-states");
    public static final ActorId ICRC = new ActorId("icrc");
    /** A registered armed group that signs nothing: a spoiler a report may accuse. */
    public static final ActorId ARMED_GROUP = new ActorId("armed-group");

    public static final NegotiationId NK = new NegotiationId("nagorno-karabakh-2020");
    /** A negotiation of another conflict, for rules that keep negotiations apart. */
    public static final NegotiationId OTHER = new NegotiationId("another-conflict");

    private final Set<ActorId> actors =
            new java.util.HashSet<>(Set.of(ARMENIA, AZERBAIJAN, RUSSIA, FRANCE, UNITED_STATES, ICRC, ARMED_GROUP));
    private final Map<CommitmentId, NegotiationId> commitments = new HashMap<>();
    private final Map<NegotiationId, Set<ActorId>> negotiations =
            new HashMap<>(Map.of(NK, Set.of(RUSSIA, FRANCE, UNITED_STATES), OTHER, Set.of(ICRC)));

    /** A commitment of the Nagorno-Karabakh negotiation. */
    public TestDirectory withCommitment(CommitmentId commitment) {
        return withCommitment(commitment, NK);
    }

    public TestDirectory withCommitment(CommitmentId commitment, NegotiationId negotiation) {
        commitments.put(commitment, negotiation);
        return this;
    }

    @Override
    public boolean actorExists(ActorId actor) {
        return actors.contains(actor);
    }

    @Override
    public boolean commitmentExists(CommitmentId commitment) {
        return commitments.containsKey(commitment);
    }

    @Override
    public Optional<NegotiationId> commitmentNegotiation(CommitmentId commitment) {
        return Optional.ofNullable(commitments.get(commitment));
    }

    @Override
    public Optional<Set<ActorId>> negotiationMediators(NegotiationId negotiation) {
        return Optional.ofNullable(negotiations.get(negotiation));
    }
}

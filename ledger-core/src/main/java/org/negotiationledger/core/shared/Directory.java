package org.negotiationledger.core.shared;

import java.util.Optional;
import java.util.Set;

/**
 * What a command handler may ask about other records before it accepts a command: does an actor, a
 * negotiation or a commitment exist, and who mediates a negotiation. Aggregates see only their own stream;
 * this port answers the rest. The server answers it from the event store; tests from a map.
 */
public interface Directory {

    boolean actorExists(ActorId actor);

    boolean commitmentExists(CommitmentId commitment);

    /** The negotiation a commitment belongs to, or empty when there is no such commitment. */
    Optional<NegotiationId> commitmentNegotiation(CommitmentId commitment);

    /** The mediators of a negotiation, or empty when there is no such negotiation. */
    Optional<Set<ActorId>> negotiationMediators(NegotiationId negotiation);

    default boolean negotiationExists(NegotiationId negotiation) {
        return negotiationMediators(negotiation).isPresent();
    }
}

package org.negotiationledger.core.negotiation;

import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.negotiationledger.core.shared.ActorId;
import org.negotiationledger.core.shared.NegotiationId;

/** Open a negotiation between at least two parties, with its mediators. */
public record OpenNegotiation(
        @TargetAggregateIdentifier NegotiationId id, String title, List<ActorId> parties, List<ActorId> mediators) {}

package org.negotiationledger.core.actor;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.negotiationledger.core.shared.ActorId;

/** Register an actor so that other records may refer to it. */
public record RegisterActor(@TargetAggregateIdentifier ActorId id, String name, ActorKind kind) {}

package org.negotiationledger.core.actor;

import org.negotiationledger.core.shared.ActorId;

/** An actor was registered. */
public record ActorRegistered(ActorId id, String name, ActorKind kind) {}

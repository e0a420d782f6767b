package org.negotiationledger.core.actor;

import org.axonframework.serialization.Revision;
import org.negotiationledger.core.shared.ActorId;

/** An actor was registered. */
@Revision("1") // the stored shape: raise it, with an upcaster, when a field changes (docs/domain.md)
public record ActorRegistered(ActorId id, String name, ActorKind kind) {}

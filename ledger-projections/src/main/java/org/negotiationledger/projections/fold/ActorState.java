package org.negotiationledger.projections.fold;

import java.time.Instant;
import org.negotiationledger.core.actor.ActorKind;

/** An actor as the views name it. */
public record ActorState(String id, String name, ActorKind kind, Instant recordedAt) {}

package org.negotiationledger.core.negotiation;

import org.negotiationledger.core.shared.ActorId;

/** An actor at a round of talks, in a role. */
public record Participant(ActorId actor, ParticipantRole role) {}

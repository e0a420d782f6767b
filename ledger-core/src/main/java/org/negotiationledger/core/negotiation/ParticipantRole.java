package org.negotiationledger.core.negotiation;

/** The part an actor plays in a round of talks. */
public enum ParticipantRole {
    PARTY,
    MEDIATOR,
    OBSERVER
}

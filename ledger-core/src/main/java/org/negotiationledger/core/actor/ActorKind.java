package org.negotiationledger.core.actor;

/** What kind of actor: the categories conflict datasets use. */
public enum ActorKind {
    STATE,
    INTERNATIONAL_ORGANIZATION,
    OFFICE,
    NON_STATE_ARMED_GROUP,
    MONITORING_MISSION,
    OTHER
}

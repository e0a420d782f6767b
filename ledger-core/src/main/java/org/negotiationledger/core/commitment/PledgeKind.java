package org.negotiationledger.core.commitment;

/** The kinds of undertaking other than a truce. */
public enum PledgeKind {
    CIVILIAN_PROTECTION,
    PRISONER_EXCHANGE,
    REMAINS_EXCHANGE,
    VERIFICATION_MECHANISM,
    OTHER
}

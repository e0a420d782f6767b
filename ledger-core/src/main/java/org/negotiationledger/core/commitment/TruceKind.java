package org.negotiationledger.core.commitment;

/** The kinds of ceasefire-type commitment. */
public enum TruceKind {
    CEASEFIRE,
    HUMANITARIAN_CEASEFIRE,
    CESSATION_OF_HOSTILITIES
}

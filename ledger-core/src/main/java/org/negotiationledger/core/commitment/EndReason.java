package org.negotiationledger.core.commitment;

/** Why a commitment ended. */
public enum EndReason {
    EXPIRED,
    TERMINATED,
    SUPERSEDED,
    COLLAPSED
}

package org.negotiationledger.core.commitment;

/** A verifier's finding on a violation report. ATTRIBUTED names a party, which may differ from the accused. */
public enum AssessmentOutcome {
    CONFIRMED,
    ATTRIBUTED,
    NOT_ATTRIBUTABLE,
    UNFOUNDED
}

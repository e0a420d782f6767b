package org.negotiationledger.core.shared;

/** A command refers to a record (an actor, a negotiation, a commitment) that the ledger does not hold. */
public class UnknownReferenceException extends RuleViolationException {

    public UnknownReferenceException(String field, String message) {
        super(field, message);
    }
}

package org.negotiationledger.core.shared;

/** The record a command is addressed to (e.g. a violation report within a commitment) does not exist. */
public class RecordNotFoundException extends RuntimeException {

    public RecordNotFoundException(String message) {
        super(message);
    }
}

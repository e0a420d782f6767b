package org.negotiationledger.core.shared;

/** A command would create a record under an id that is already taken. */
public class DuplicateRecordException extends RuntimeException {

    public DuplicateRecordException(String message) {
        super(message);
    }
}

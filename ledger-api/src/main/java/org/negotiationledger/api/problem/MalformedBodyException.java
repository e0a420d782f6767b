package org.negotiationledger.api.problem;

import java.io.IOException;

/** A request body that is not well-formed UTF-8, found while reading it: answered 400, nothing recorded. */
public class MalformedBodyException extends IOException {

    public MalformedBodyException(String message) {
        super(message);
    }

    /** Whether reading failed because the body was malformed, however the failure was wrapped. */
    public static MalformedBodyException in(Throwable failure) {
        return Causes.find(failure, MalformedBodyException.class);
    }
}

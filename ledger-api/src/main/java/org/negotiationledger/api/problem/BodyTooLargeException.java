package org.negotiationledger.api.problem;

import java.io.IOException;

/** A request body longer than the server accepts, found while reading it: answered 413. */
public class BodyTooLargeException extends IOException {

    public BodyTooLargeException(long limit) {
        super("a request body may be at most " + limit + " bytes");
    }

    /** Whether reading failed because the body was too large, however the failure was wrapped. */
    public static BodyTooLargeException in(Throwable failure) {
        return Causes.find(failure, BodyTooLargeException.class);
    }
}

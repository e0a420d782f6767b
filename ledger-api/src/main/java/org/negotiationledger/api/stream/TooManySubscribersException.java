package org.negotiationledger.api.stream;

/** This node serves as many streams as it is configured to; the client should retry later or elsewhere. */
public class TooManySubscribersException extends RuntimeException {

    public TooManySubscribersException(int max) {
        super("this server already serves its limit of " + max + " streams; retry later");
    }
}

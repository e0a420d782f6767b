package org.negotiationledger.api.security;

/** A user configuration the server refuses to start with; says what is wrong and what to set. */
public class UnsafeUserException extends IllegalStateException {

    private final String action;

    public UnsafeUserException(String problem, String action) {
        super(problem + ". " + action);
        this.action = action;
    }

    public String action() {
        return action;
    }
}

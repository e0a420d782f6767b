package org.negotiationledger.api.problem;

/** A request input (a header, a parameter) that is malformed: answered 400 naming it. */
public class InvalidFieldException extends RuntimeException {

    private final String field;

    public InvalidFieldException(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}

package org.negotiationledger.api.problem;

import org.negotiationledger.core.shared.RecordId;

/** A request input (a header, a parameter) that is malformed: answered 400 naming it. */
public class InvalidFieldException extends RuntimeException {

    private final String field;

    public InvalidFieldException(String field, String message) {
        super(message);
        this.field = field;
    }

    /** An optional id given as a parameter: null stays null, anything else must be an id. */
    public static String checkId(String field, String value) {
        if (value != null && !RecordId.isValid(value)) {
            throw new InvalidFieldException(field, "must be an id matching " + RecordId.SYNTAX);
        }
        return value;
    }

    /** A number of hours given as a parameter: 0 or more, and finite. */
    public static double checkHours(String field, double value) {
        if (!(value >= 0) || Double.isInfinite(value)) {
            throw new InvalidFieldException(field, "must be a number of hours, 0 or more");
        }
        return value;
    }

    public String field() {
        return field;
    }
}

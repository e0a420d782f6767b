package org.negotiationledger.api.problem;

import java.util.List;

/** A request input (a header, a parameter) that is malformed: answered 400 naming it. */
public class InvalidFieldException extends ProblemException {

    private final String field;

    public InvalidFieldException(String field, String message) {
        super(
                ProblemType.INVALID_FIELD,
                message,
                "'" + field + "' " + message,
                List.of(new FieldError(field, message)));
        this.field = field;
    }

    public String field() {
        return field;
    }
}

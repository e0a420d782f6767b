package org.negotiationledger.api.problem;

import java.util.List;
import java.util.stream.Stream;
import org.negotiationledger.core.commitment.PledgeKind;
import org.negotiationledger.core.commitment.TruceKind;
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

    /** The most hours a window may span: more than a century of any truce, far below any overflow. */
    public static final double MAX_HOURS = 1_000_000;

    /** A number of hours given as a parameter: from 0 to {@link #MAX_HOURS}. */
    public static double checkHours(String field, double value) {
        if (!(value >= 0 && value <= MAX_HOURS)) {
            throw new InvalidFieldException(field, "must be a number of hours from 0 to " + (long) MAX_HOURS);
        }
        return value;
    }

    /** A commitment kind given as a filter: one of the truce or pledge kinds, exactly as named; null stays null. */
    public static String checkKind(String field, String value) {
        if (value != null
                && Stream.concat(Stream.of(TruceKind.values()), Stream.of(PledgeKind.values()))
                        .noneMatch(kind -> kind.name().equals(value))) {
            throw new InvalidFieldException(
                    field, "must be one of " + List.of(TruceKind.values()) + " or " + List.of(PledgeKind.values()));
        }
        return value;
    }

    public String field() {
        return field;
    }
}

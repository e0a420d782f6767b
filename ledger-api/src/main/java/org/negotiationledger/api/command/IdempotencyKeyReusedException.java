package org.negotiationledger.api.command;

import java.util.List;
import org.negotiationledger.api.problem.FieldError;
import org.negotiationledger.api.problem.ProblemException;
import org.negotiationledger.api.problem.ProblemType;

/** An Idempotency-Key was sent again with a different request: 422, nothing recorded. */
public class IdempotencyKeyReusedException extends ProblemException {

    public IdempotencyKeyReusedException(String key) {
        super(
                ProblemType.IDEMPOTENCY_KEY_REUSED,
                message(key),
                message(key),
                List.of(new FieldError(Requests.IDEMPOTENCY_KEY, message(key))));
    }

    private static String message(String key) {
        return "Idempotency-Key '" + key
                + "' was already used for a different request; use a new key for a new request";
    }
}

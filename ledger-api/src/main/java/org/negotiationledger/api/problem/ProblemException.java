package org.negotiationledger.api.problem;

import java.util.List;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponse;

/**
 * A refusal of the ledger's own that knows its answer: the type, the status, the fields at fault and any headers.
 * {@link ProblemHandler} answers it as it is, so that a new refusal needs a subclass and no change there.
 */
public class ProblemException extends RuntimeException implements ErrorResponse {

    private final transient ProblemDetail body;
    private final transient HttpHeaders headers = new HttpHeaders();

    protected ProblemException(ProblemType type, String message, String detail, List<FieldError> errors) {
        super(message);
        this.body = type.problem(detail, errors);
    }

    protected ProblemException(ProblemType type, String message) {
        this(type, message, message, null);
    }

    @Override
    public HttpStatusCode getStatusCode() {
        return HttpStatusCode.valueOf(body.getStatus());
    }

    @Override
    public ProblemDetail getBody() {
        return body;
    }

    @Override
    public HttpHeaders getHeaders() {
        return headers;
    }
}

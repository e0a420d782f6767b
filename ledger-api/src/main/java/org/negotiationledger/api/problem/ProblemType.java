package org.negotiationledger.api.problem;

import java.net.URI;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

/**
 * Every kind of refusal the ledger answers, each a stable URN a client can branch on, with its title and status.
 * The one home of these names: the handlers, the security filters and Tomcat's own refusals all take them from
 * here, and the API description lists them.
 */
public enum ProblemType {
    MALFORMED_REQUEST("malformed-request", "Malformed request", HttpStatus.BAD_REQUEST),
    INVALID_FIELD("invalid-field", "Invalid field", HttpStatus.BAD_REQUEST),
    UNAUTHENTICATED("unauthenticated", "Unauthenticated", HttpStatus.UNAUTHORIZED),
    FORBIDDEN("forbidden", "Forbidden", HttpStatus.FORBIDDEN),
    NOT_FOUND("not-found", "Not found", HttpStatus.NOT_FOUND),
    METHOD_NOT_ALLOWED("method-not-allowed", "Method not allowed", HttpStatus.METHOD_NOT_ALLOWED),
    NOT_ACCEPTABLE("not-acceptable", "Not acceptable", HttpStatus.NOT_ACCEPTABLE),
    VERSION_CONFLICT("version-conflict", "Version conflict", HttpStatus.CONFLICT),
    DUPLICATE_ID("duplicate-id", "Duplicate id", HttpStatus.CONFLICT),
    IMPORT_CONFLICT("import-conflict", "Import conflict", HttpStatus.CONFLICT),
    REQUEST_TOO_LARGE("request-too-large", "Request too large", HttpStatus.PAYLOAD_TOO_LARGE),
    UNSUPPORTED_MEDIA_TYPE("unsupported-media-type", "Unsupported media type", HttpStatus.UNSUPPORTED_MEDIA_TYPE),
    RULE_VIOLATED("rule-violated", "Rule violated", HttpStatus.UNPROCESSABLE_ENTITY),
    UNKNOWN_REFERENCE("unknown-reference", "Unknown reference", HttpStatus.UNPROCESSABLE_ENTITY),
    IDEMPOTENCY_KEY_REUSED("idempotency-key-reused", "Idempotency key reused", HttpStatus.UNPROCESSABLE_ENTITY),
    TOO_MANY_SIGN_INS("too-many-sign-ins", "Too many failed sign-ins", HttpStatus.TOO_MANY_REQUESTS),
    INTERNAL_ERROR("internal-error", "Internal error", HttpStatus.INTERNAL_SERVER_ERROR),
    UNAVAILABLE("unavailable", "Service unavailable", HttpStatus.SERVICE_UNAVAILABLE),
    TOO_MANY_STREAMS("too-many-streams", "Too many streams", HttpStatus.SERVICE_UNAVAILABLE),
    STORAGE_UNAVAILABLE("storage-unavailable", "Storage unavailable", HttpStatus.SERVICE_UNAVAILABLE);

    private static final String PREFIX = "urn:problem:negotiation-ledger:";

    private final URI uri;
    private final String title;
    private final HttpStatus status;

    ProblemType(String name, String title, HttpStatus status) {
        this.uri = URI.create(PREFIX + name);
        this.title = title;
        this.status = status;
    }

    public URI uri() {
        return uri;
    }

    public String title() {
        return title;
    }

    public HttpStatus status() {
        return status;
    }

    /** The problem details of this type: its status, type and title, and the detail given. */
    public ProblemDetail problem(String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(uri);
        problem.setTitle(title);
        return problem;
    }

    /** The same, naming the fields at fault (none: no {@code errors} member). */
    public ProblemDetail problem(String detail, List<FieldError> errors) {
        ProblemDetail problem = problem(detail);
        if (errors != null && !errors.isEmpty()) {
            problem.setProperty("errors", errors);
        }
        return problem;
    }

    /**
     * The type of an answer Spring or Tomcat gives by status alone, before the ledger's handlers see the request.
     */
    public static ProblemType forStatus(int status) {
        for (ProblemType type : List.of(
                MALFORMED_REQUEST,
                UNAUTHENTICATED,
                FORBIDDEN,
                NOT_FOUND,
                METHOD_NOT_ALLOWED,
                NOT_ACCEPTABLE,
                REQUEST_TOO_LARGE,
                UNSUPPORTED_MEDIA_TYPE,
                UNAVAILABLE)) {
            if (type.status.value() == status) {
                return type;
            }
        }
        return status >= 500 ? INTERNAL_ERROR : MALFORMED_REQUEST;
    }
}

package org.negotiationledger.api.problem;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.PropertyBindingException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import java.net.URI;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.eventsourcing.eventstore.EventStoreException;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.axonframework.modelling.command.ConflictingAggregateVersionException;
import org.negotiationledger.api.command.IdempotencyKeyReusedException;
import org.negotiationledger.api.config.CleanText;
import org.negotiationledger.api.stream.TooManySubscribersException;
import org.negotiationledger.core.shared.DuplicateRecordException;
import org.negotiationledger.core.shared.RecordId;
import org.negotiationledger.core.shared.RecordNotFoundException;
import org.negotiationledger.core.shared.RuleViolationException;
import org.negotiationledger.core.shared.UnknownReferenceException;
import org.negotiationledger.core.shared.VersionConflictException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * Turns every failure into problem details. Bad input is 400 (malformed) or 422 (well formed but against a
 * rule), an unknown addressed record 404, a stale version or a taken id 409. Nothing of the server's
 * internals (stack traces, SQL, class names) reaches the client.
 */
@RestControllerAdvice
public class ProblemHandler extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemHandler.class);

    /** Problem types: stable URNs a client can branch on. */
    public static final String MALFORMED = "urn:problem:negotiation-ledger:malformed-request";

    public static final String INVALID = "urn:problem:negotiation-ledger:invalid-field";
    public static final String RULE = "urn:problem:negotiation-ledger:rule-violated";
    public static final String UNKNOWN_REFERENCE = "urn:problem:negotiation-ledger:unknown-reference";
    public static final String NOT_FOUND = "urn:problem:negotiation-ledger:not-found";
    public static final String CONFLICT = "urn:problem:negotiation-ledger:version-conflict";
    public static final String DUPLICATE = "urn:problem:negotiation-ledger:duplicate-id";
    public static final String IDEMPOTENCY = "urn:problem:negotiation-ledger:idempotency-key-reused";
    public static final String INTERNAL = "urn:problem:negotiation-ledger:internal-error";
    public static final String BUSY = "urn:problem:negotiation-ledger:too-many-streams";
    public static final String TOO_LARGE = "urn:problem:negotiation-ledger:request-too-large";
    public static final String IMPORT_CONFLICT = "urn:problem:negotiation-ledger:import-conflict";

    public static ProblemDetail problem(
            HttpStatus status, String type, String title, String detail, List<FieldError> errors) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create(type));
        problem.setTitle(title);
        if (errors != null && !errors.isEmpty()) {
            problem.setProperty("errors", errors);
        }
        return problem;
    }

    /** The answer to fields that fail their checks: 400, each field named. */
    public static ProblemDetail invalidFields(List<FieldError> errors) {
        String fields = errors.stream().map(FieldError::field).distinct().collect(Collectors.joining(", "));
        return problem(
                HttpStatus.BAD_REQUEST, INVALID, "Invalid field", "The request has invalid fields: " + fields, errors);
    }

    /**
     * The problem details an endpoint would answer for this failure of a command or of its body: for the bulk
     * import, which names them line by line.
     */
    public ProblemDetail problemOf(Exception ex) {
        ResponseEntity<Object> answer;
        if (ex instanceof JsonProcessingException unreadable) {
            answer = handleHttpMessageNotReadable(
                    new HttpMessageNotReadableException(unreadable.getOriginalMessage(), unreadable, null),
                    new HttpHeaders(),
                    HttpStatus.BAD_REQUEST,
                    null);
        } else if (ex instanceof InvalidFieldException invalid) {
            answer = invalidField(invalid);
        } else if (ex instanceof CommandExecutionException failed) {
            answer = commandFailed(failed);
        } else if (ex instanceof IllegalArgumentException illegal) {
            answer = answer(problem(
                    HttpStatus.BAD_REQUEST,
                    INVALID,
                    "Invalid field",
                    illegal.getMessage(),
                    List.of(new FieldError("path", illegal.getMessage()))));
        } else if (ex instanceof RuntimeException runtime) {
            answer = domain(runtime);
        } else {
            answer = internal(ex);
        }
        return (ProblemDetail) answer.getBody();
    }

    private static ResponseEntity<Object> answer(ProblemDetail problem) {
        return ResponseEntity.status(problem.getStatus()).body(problem);
    }

    // ---- 400: the request itself is malformed -----------------------------------------------------------------

    /**
     * Spring's own answers (405, 406, 415, ...) are problem details already; they get a type of the ledger's
     * rather than {@code about:blank}, so that a client can tell every refusal by its type.
     */
    @Override
    protected ResponseEntity<Object> createResponseEntity(
            Object body, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        if (body instanceof ProblemDetail problem
                && (problem.getType() == null
                        || "about:blank".equals(problem.getType().toString()))) {
            ProblemType type = ProblemType.forStatus(status.value());
            problem.setType(type.uri());
            problem.setTitle(type.title());
        }
        return super.createResponseEntity(body, headers, status, request);
    }

    /**
     * Spring Security's firewall checks some headers only when they are read (a value with a control character
     * or a byte outside ASCII, say), which happens inside the handler: the same 400 as its up-front refusals.
     */
    @ExceptionHandler(RequestRejectedException.class)
    ResponseEntity<Object> rejected(RequestRejectedException ex) {
        return answer(problem(
                HttpStatus.BAD_REQUEST,
                MALFORMED,
                "Malformed request",
                "the request was refused: a header holds a value that is not allowed (control characters, or bytes "
                        + "outside visible ASCII where only those may be)",
                null));
    }

    // ---- 404: nothing answers at this path ----------------------------------------------------------------------

    @Override
    protected ResponseEntity<Object> handleNoResourceFoundException(
            NoResourceFoundException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        return answer(problem(
                HttpStatus.NOT_FOUND,
                NOT_FOUND,
                "Not found",
                "nothing answers at /" + ex.getResourcePath() + "; the paths are in /v3/api-docs",
                null));
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(
            MethodArgumentNotValidException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<FieldError> errors = ex.getBindingResult().getFieldErrors().stream()
                .map(e -> new FieldError(e.getField(), e.getDefaultMessage()))
                .sorted(Comparator.comparing(FieldError::field))
                .toList();
        return answer(invalidFields(errors));
    }

    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(
            HandlerMethodValidationException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<FieldError> errors = ex.getParameterValidationResults().stream()
                .flatMap(r -> r.getResolvableErrors().stream()
                        .map(e -> new FieldError(r.getMethodParameter().getParameterName(), e.getDefaultMessage())))
                .toList();
        return answer(
                problem(HttpStatus.BAD_REQUEST, INVALID, "Invalid field", "The request has invalid inputs", errors));
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(
            HttpMessageNotReadableException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        Throwable cause = ex.getCause();
        MalformedBodyException malformed = MalformedBodyException.in(ex);
        if (malformed != null) {
            return answer(
                    problem(HttpStatus.BAD_REQUEST, MALFORMED, "Malformed request", malformed.getMessage(), null));
        }
        BodyTooLargeException tooLarge = BodyTooLargeException.in(ex);
        if (tooLarge != null) {
            return ResponseEntity.status(HttpStatus.PAYLOAD_TOO_LARGE)
                    .header(HttpHeaders.CONNECTION, "close")
                    .body(problem(
                            HttpStatus.PAYLOAD_TOO_LARGE, TOO_LARGE, "Request too large", tooLarge.getMessage(), null));
        }
        if (cause instanceof StreamConstraintsException limit) {
            return answer(problem(
                    HttpStatus.BAD_REQUEST,
                    MALFORMED,
                    "Malformed request",
                    "the JSON exceeds a limit of this server: " + limit.getOriginalMessage(),
                    null));
        }
        if (cause instanceof CleanText.Refused refused) {
            String field = path(refused);
            return answer(problem(
                    HttpStatus.BAD_REQUEST,
                    INVALID,
                    "Invalid field",
                    "'" + field + "' " + refused.getOriginalMessage(),
                    List.of(new FieldError(field, refused.getOriginalMessage()))));
        }
        if (cause instanceof UnrecognizedPropertyException unknown) {
            String field = path(unknown);
            return answer(problem(
                    HttpStatus.BAD_REQUEST,
                    INVALID,
                    "Unknown field",
                    "'" + field + "' is not a field of this request; nothing was recorded",
                    List.of(new FieldError(field, "unknown field; known fields: " + known(unknown)))));
        }
        if (cause instanceof PropertyBindingException binding) {
            String field = path(binding);
            return answer(problem(
                    HttpStatus.BAD_REQUEST,
                    INVALID,
                    "Invalid field",
                    "'" + field + "' is invalid",
                    List.of(new FieldError(field, "invalid field"))));
        }
        if (cause instanceof InvalidFormatException format && !format.getPath().isEmpty()) {
            String field = path(format);
            String message =
                    format.getTargetType() != null && format.getTargetType().isEnum()
                            ? "must be one of " + List.of(format.getTargetType().getEnumConstants())
                            : "cannot be read as " + simpleType(format.getTargetType()) + ": " + format.getValue();
            return answer(problem(
                    HttpStatus.BAD_REQUEST,
                    INVALID,
                    "Invalid field",
                    "'" + field + "' " + message,
                    List.of(new FieldError(field, message))));
        }
        if (cause instanceof MismatchedInputException mismatch
                && !mismatch.getPath().isEmpty()) {
            String field = path(mismatch);
            String message = "has the wrong JSON type; expected " + simpleType(mismatch.getTargetType());
            return answer(problem(
                    HttpStatus.BAD_REQUEST,
                    INVALID,
                    "Invalid field",
                    "'" + field + "' " + message,
                    List.of(new FieldError(field, message))));
        }
        if (cause instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            String field = path(mapping);
            String message = mapping.getCause() instanceof IllegalArgumentException illegal
                    ? illegal.getMessage()
                    : "is invalid";
            return answer(problem(
                    HttpStatus.BAD_REQUEST,
                    INVALID,
                    "Invalid field",
                    "'" + field + "' " + message,
                    List.of(new FieldError(field, message))));
        }
        String detail = cause instanceof JsonProcessingException json && json.getLocation() != null
                ? "The body is not valid JSON (line " + json.getLocation().getLineNr() + ", column "
                        + json.getLocation().getColumnNr() + ")"
                : "The body is missing or is not a JSON object of the expected shape";
        return answer(problem(HttpStatus.BAD_REQUEST, MALFORMED, "Malformed request", detail, null));
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<Object> typeMismatch(MethodArgumentTypeMismatchException ex) {
        Class<?> type = ex.getRequiredType() == null ? Object.class : ex.getRequiredType();
        String message = type.isEnum()
                ? "must be one of " + List.of(type.getEnumConstants())
                : Number.class.isAssignableFrom(type) || type.isPrimitive()
                        ? "must be a number"
                        : "must be an id matching " + RecordId.SYNTAX;
        return answer(problem(
                HttpStatus.BAD_REQUEST,
                INVALID,
                "Invalid field",
                "'" + ex.getName() + "' " + message,
                List.of(new FieldError(ex.getName(), message))));
    }

    @ExceptionHandler(InvalidFieldException.class)
    ResponseEntity<Object> invalidField(InvalidFieldException ex) {
        return answer(problem(
                HttpStatus.BAD_REQUEST,
                INVALID,
                "Invalid field",
                "'" + ex.field() + "' " + ex.getMessage(),
                List.of(new FieldError(ex.field(), ex.getMessage()))));
    }

    @ExceptionHandler(TooManySubscribersException.class)
    ResponseEntity<Object> busy(TooManySubscribersException ex) {
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                .header("Retry-After", "10")
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem(HttpStatus.SERVICE_UNAVAILABLE, BUSY, "Too many streams", ex.getMessage(), null));
    }

    // ---- Failures of the command: unwrap Axon's wrapper, then judge the cause ---------------------------------

    @ExceptionHandler(CommandExecutionException.class)
    ResponseEntity<Object> commandFailed(CommandExecutionException ex) {
        Throwable cause = ex.getCause();
        return cause instanceof RuntimeException runtime && cause != ex ? domain(runtime) : internal(ex);
    }

    @ExceptionHandler({
        RuleViolationException.class,
        RecordNotFoundException.class,
        AggregateNotFoundException.class,
        VersionConflictException.class,
        ConflictingAggregateVersionException.class,
        DuplicateRecordException.class,
        AggregateStreamCreationException.class,
        ConcurrencyException.class,
        EventStoreException.class,
        IdempotencyKeyReusedException.class
    })
    ResponseEntity<Object> domain(RuntimeException ex) {
        if (ex instanceof UnknownReferenceException unknown) {
            return answer(problem(
                    HttpStatus.UNPROCESSABLE_ENTITY,
                    UNKNOWN_REFERENCE,
                    "Unknown reference",
                    unknown.getMessage(),
                    List.of(new FieldError(unknown.field(), unknown.getMessage()))));
        }
        if (ex instanceof RuleViolationException rule) {
            return answer(problem(
                    HttpStatus.UNPROCESSABLE_ENTITY,
                    RULE,
                    "Rule violated",
                    rule.getMessage(),
                    rule.field() == null ? null : List.of(new FieldError(rule.field(), rule.getMessage()))));
        }
        if (ex instanceof RecordNotFoundException) {
            return answer(problem(HttpStatus.NOT_FOUND, NOT_FOUND, "Not found", ex.getMessage(), null));
        }
        if (ex instanceof AggregateNotFoundException missing) {
            return answer(problem(
                    HttpStatus.NOT_FOUND,
                    NOT_FOUND,
                    "Not found",
                    "no " + describe(String.valueOf(missing.getAggregateIdentifier())) + " in the ledger",
                    null));
        }
        if (ex instanceof VersionConflictException conflict) {
            return answer(problem(
                    HttpStatus.CONFLICT,
                    CONFLICT,
                    "Version conflict",
                    conflict.getMessage() + "; read the record again and decide on its current state",
                    List.of(new FieldError("expectedVersion", conflict.getMessage()))));
        }
        if (ex instanceof ConflictingAggregateVersionException
                || ex instanceof ConcurrencyException && !(ex instanceof AggregateStreamCreationException)
                || integrityViolation(ex)) {
            return answer(problem(
                    HttpStatus.CONFLICT,
                    CONFLICT,
                    "Version conflict",
                    "the record was changed by another request at the same time; retry",
                    null));
        }
        if (ex instanceof DuplicateRecordException) {
            return answer(problem(
                    HttpStatus.CONFLICT,
                    DUPLICATE,
                    "Duplicate id",
                    ex.getMessage(),
                    List.of(new FieldError("id", ex.getMessage()))));
        }
        if (ex instanceof AggregateStreamCreationException) {
            return answer(problem(
                    HttpStatus.CONFLICT,
                    DUPLICATE,
                    "Duplicate id",
                    "a record with this id already exists; choose another id or omit it to have one assigned",
                    List.of(new FieldError("id", "already exists"))));
        }
        if (ex instanceof IdempotencyKeyReusedException) {
            return answer(problem(
                    HttpStatus.UNPROCESSABLE_ENTITY,
                    IDEMPOTENCY,
                    "Idempotency key reused",
                    ex.getMessage(),
                    List.of(new FieldError("Idempotency-Key", ex.getMessage()))));
        }
        return internal(ex);
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<Object> internal(Exception ex) {
        log.error("Unexpected failure; answered 500", ex);
        return answer(problem(
                HttpStatus.INTERNAL_SERVER_ERROR,
                INTERNAL,
                "Internal error",
                "The ledger could not complete the request; nothing was recorded. The server log has the details.",
                null));
    }

    /**
     * A write refused by a unique key of the event table: another node appended to the same record at the same
     * sequence first. (Within one node the record's lock prevents it.)
     */
    private static boolean integrityViolation(Throwable ex) {
        return Causes.first(
                        ex,
                        t -> t instanceof java.sql.SQLException sql
                                && sql.getSQLState() != null
                                && sql.getSQLState().startsWith("23"))
                != null;
    }

    /** 'commitment moscow-2020-10-10' for the stream key 'commitment:moscow-2020-10-10'. */
    private static String describe(String streamKey) {
        return RecordId.kindOf(streamKey) + " '" + RecordId.slugOf(streamKey) + "'";
    }

    private static String path(JsonMappingException ex) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference ref : ex.getPath()) {
            if (ref.getFieldName() != null) {
                path.append(path.isEmpty() ? "" : ".").append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                path.append('[').append(ref.getIndex()).append(']');
            }
        }
        return path.isEmpty() ? "(body)" : path.toString();
    }

    private static String known(UnrecognizedPropertyException ex) {
        return ex.getKnownPropertyIds() == null
                ? "see the API description"
                : ex.getKnownPropertyIds().stream()
                        .map(Object::toString)
                        .sorted()
                        .collect(Collectors.joining(", "));
    }

    private static String simpleType(Class<?> type) {
        if (type == null) {
            return "another type";
        }
        if (type == String.class) {
            return "a string";
        }
        if (Number.class.isAssignableFrom(type) || type.isPrimitive()) {
            return "a number";
        }
        if (List.class.isAssignableFrom(type)) {
            return "an array";
        }
        return type.isEnum() ? "one of " + List.of(type.getEnumConstants()) : "an object";
    }
}

package org.negotiationledger.api.problem;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.eventsourcing.eventstore.EventStoreException;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.negotiationledger.core.shared.DuplicateRecordException;
import org.negotiationledger.core.shared.RecordNotFoundException;
import org.negotiationledger.core.shared.RuleViolationException;
import org.negotiationledger.core.shared.VersionConflictException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
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
 * rule), an unknown addressed record 404, a stale version or a taken id 409. The ledger's own refusals carry
 * their answer ({@link ProblemException}); the domain's are judged by {@link DomainProblems}, an unreadable
 * body by {@link BodyProblems}. Nothing of the server's internals (stack traces, SQL, class names) reaches the
 * client.
 */
@RestControllerAdvice
public class ProblemHandler extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemHandler.class);

    private final StorageOutages outages;

    public ProblemHandler(StorageOutages outages) {
        this.outages = outages;
    }

    /** The answer to fields that fail their checks: 400, each field named. */
    public static ProblemDetail invalidFields(List<FieldError> errors) {
        String fields = errors.stream().map(FieldError::field).distinct().collect(Collectors.joining(", "));
        return ProblemType.INVALID_FIELD.problem("The request has invalid fields: " + fields, errors);
    }

    /**
     * The problem details an endpoint would answer for this failure of a command or of its body: for the bulk
     * import, which names them line by line.
     */
    public ProblemDetail problemOf(Exception ex) {
        if (ex instanceof JsonProcessingException unreadable) {
            return (ProblemDetail) unreadable(unreadable, unreadable).getBody();
        }
        if (ex instanceof IllegalArgumentException illegal) {
            return BodyProblems.invalid("path", illegal.getMessage());
        }
        return (ProblemDetail) (ex instanceof RuntimeException runtime ? failed(runtime) : internal(ex)).getBody();
    }

    private static ResponseEntity<Object> answer(ProblemDetail problem) {
        return ResponseEntity.status(problem.getStatus()).body(problem);
    }

    /** The ledger's own refusals: answered as they say, with their headers. */
    @ExceptionHandler(ProblemException.class)
    ResponseEntity<Object> refused(ProblemException ex) {
        return ResponseEntity.status(ex.getStatusCode())
                .headers(ex.getHeaders())
                .body(ex.getBody());
    }

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

    // ---- 400: the request itself is malformed -----------------------------------------------------------------

    /**
     * Spring Security's firewall checks some headers only when they are read (a value with a control character
     * or a byte outside ASCII, say), which happens inside the handler: the same 400 as its up-front refusals.
     */
    @ExceptionHandler(RequestRejectedException.class)
    ResponseEntity<Object> rejected(RequestRejectedException ex) {
        return answer(ProblemType.MALFORMED_REQUEST.problem(
                "the request was refused: a header holds a value that is not allowed (control characters, or bytes "
                        + "outside visible ASCII where only those may be)"));
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
                errors.size() == 1
                        ? BodyProblems.invalid(
                                errors.get(0).field(), errors.get(0).message())
                        : invalidFields(errors));
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(
            HttpMessageNotReadableException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        return unreadable(ex, ex.getCause());
    }

    /** A body that could not be read: not UTF-8, too large, or not JSON of the expected shape. */
    private static ResponseEntity<Object> unreadable(Exception ex, Throwable cause) {
        MalformedBodyException malformed = MalformedBodyException.in(ex);
        if (malformed != null) {
            return answer(ProblemType.MALFORMED_REQUEST.problem(malformed.getMessage()));
        }
        BodyTooLargeException tooLarge = BodyTooLargeException.in(ex);
        if (tooLarge != null) {
            return ResponseEntity.status(ProblemType.REQUEST_TOO_LARGE.status())
                    .header(HttpHeaders.CONNECTION, "close")
                    .body(ProblemType.REQUEST_TOO_LARGE.problem(tooLarge.getMessage()));
        }
        return answer(BodyProblems.of(cause));
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<Object> typeMismatch(MethodArgumentTypeMismatchException ex) {
        Class<?> type = ex.getRequiredType() == null ? Object.class : ex.getRequiredType();
        String message = type.isEnum()
                ? "must be one of " + List.of(type.getEnumConstants())
                : Number.class.isAssignableFrom(type) || type.isPrimitive() ? "must be a number" : refusal(ex);
        return answer(BodyProblems.invalid(ex.getName(), message));
    }

    /** What a converter of the ledger's said of a parameter it refused (a time, say). */
    private static String refusal(MethodArgumentTypeMismatchException ex) {
        IllegalArgumentException refused = Causes.find(ex, IllegalArgumentException.class);
        return refused == null || refused.getMessage() == null ? "is invalid" : refused.getMessage();
    }

    // ---- 404: nothing answers at this path ----------------------------------------------------------------------

    @Override
    protected ResponseEntity<Object> handleNoResourceFoundException(
            NoResourceFoundException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        return answer(ProblemType.NOT_FOUND.problem(
                "nothing answers at /" + ex.getResourcePath() + "; the paths are in /v3/api-docs"));
    }

    // ---- Failures of the command: unwrap Axon's wrapper, then judge the cause ---------------------------------

    @ExceptionHandler(CommandExecutionException.class)
    ResponseEntity<Object> commandFailed(CommandExecutionException ex) {
        Throwable cause = ex.getCause();
        return cause instanceof RuntimeException runtime && cause != ex ? failed(runtime) : internal(ex);
    }

    @ExceptionHandler({
        RuleViolationException.class,
        RecordNotFoundException.class,
        AggregateNotFoundException.class,
        VersionConflictException.class,
        DuplicateRecordException.class,
        ConcurrencyException.class,
        EventStoreException.class
    })
    ResponseEntity<Object> failed(RuntimeException ex) {
        if (ex instanceof ProblemException refusal) {
            return refused(refusal);
        }
        if (ex instanceof CommandExecutionException wrapped) {
            return commandFailed(wrapped);
        }
        ProblemDetail problem = DomainProblems.of(ex);
        return problem == null ? internal(ex) : answer(problem);
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<Object> internal(Exception ex) {
        StorageFailure storage = StorageFailure.in(ex);
        if (storage != null) {
            return storageUnavailable(storage, ex);
        }
        log.error("Unexpected failure; answered 500", ex);
        return answer(ProblemType.INTERNAL_ERROR.problem(
                "The ledger could not complete the request; nothing was recorded. The server log has the details."));
    }

    // ---- 503: the store cannot take or give the data now; nothing was recorded --------------------------------

    /**
     * The disk is full or the database is gone: the request may succeed unchanged once the store is back, so a
     * 503 with {@code Retry-After} rather than a 500. The transaction was not committed, so nothing was recorded.
     */
    private ResponseEntity<Object> storageUnavailable(StorageFailure storage, Exception ex) {
        outages.failed(storage);
        log.warn("The store failed ({}); answered 503: {}", storage.reason(), ex.toString());
        return ResponseEntity.status(ProblemType.STORAGE_UNAVAILABLE.status())
                .header(HttpHeaders.RETRY_AFTER, Long.toString(StorageOutages.RETRY_AFTER.toSeconds()))
                .body(ProblemType.STORAGE_UNAVAILABLE.problem("The ledger cannot use its store now: " + storage.reason()
                        + ". Nothing of this request was recorded; send it again after Retry-After seconds."));
    }
}

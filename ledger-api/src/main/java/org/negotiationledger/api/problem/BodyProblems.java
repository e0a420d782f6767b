package org.negotiationledger.api.problem;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.PropertyBindingException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import java.util.List;
import java.util.stream.Collectors;
import org.springframework.http.ProblemDetail;

/**
 * What was wrong with a body that could not be read, as problem details: the field at fault by its path
 * ({@code parties[1]}, {@code validFrom.time}) wherever Jackson knows it, never the value echoed back beyond
 * what the client needs to find it.
 */
final class BodyProblems {

    private BodyProblems() {}

    /** The problem of a body Jackson could not read, with the cause Spring's converter wrapped. */
    static ProblemDetail of(Throwable cause) {
        if (cause instanceof StreamConstraintsException limit) {
            return ProblemType.MALFORMED_REQUEST.problem(
                    "the JSON exceeds a limit of this server: " + limit.getOriginalMessage());
        }
        FieldError error = fieldError(cause);
        if (error != null) {
            ProblemDetail problem = ProblemType.INVALID_FIELD.problem(
                    cause instanceof UnrecognizedPropertyException
                            ? "'" + error.field() + "' is not a field of this request; nothing was recorded"
                            : cause instanceof PropertyBindingException
                                    ? "'" + error.field() + "' is invalid"
                                    : "'" + error.field() + "' " + error.message(),
                    List.of(error));
            if (cause instanceof UnrecognizedPropertyException) {
                problem.setTitle("Unknown field");
            }
            return problem;
        }
        return ProblemType.MALFORMED_REQUEST.problem(
                cause instanceof JsonProcessingException json && json.getLocation() != null
                        ? "The body is not valid JSON (line "
                                + json.getLocation().getLineNr() + ", column "
                                + json.getLocation().getColumnNr() + ")"
                        : "The body is missing or is not a JSON object of the expected shape");
    }

    /**
     * The field at fault in a body Jackson could not bind, and what is wrong with it; null when the fault is not
     * one field's (not JSON, a limit exceeded, not an object at all).
     */
    static FieldError fieldError(Throwable cause) {
        if (cause instanceof StreamConstraintsException) {
            return null;
        }
        if (cause instanceof RefusedValueException refused) {
            return new FieldError(path(refused), refused.getOriginalMessage());
        }
        if (cause instanceof UnrecognizedPropertyException unknown) {
            return new FieldError(path(unknown), "unknown field; known fields: " + known(unknown));
        }
        if (cause instanceof PropertyBindingException binding) {
            return new FieldError(path(binding), "invalid field");
        }
        if (cause instanceof InvalidFormatException format && !format.getPath().isEmpty()) {
            Class<?> target = format.getTargetType();
            return new FieldError(
                    path(format),
                    target != null && target.isEnum()
                            ? "must be one of " + List.of(target.getEnumConstants())
                            : "cannot be read as " + simpleType(target) + ": " + format.getValue());
        }
        if (cause instanceof MismatchedInputException mismatch
                && !mismatch.getPath().isEmpty()) {
            return new FieldError(
                    path(mismatch), "has the wrong JSON type; expected " + simpleType(mismatch.getTargetType()));
        }
        if (cause instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            return new FieldError(
                    path(mapping),
                    mapping.getCause() instanceof IllegalArgumentException illegal
                            ? illegal.getMessage()
                            : "is invalid");
        }
        return null;
    }

    /** A field of the body that fails its check: 400 naming it, the message in the detail and the list. */
    static ProblemDetail invalid(String field, String message) {
        return ProblemType.INVALID_FIELD.problem("'" + field + "' " + message, List.of(new FieldError(field, message)));
    }

    /** A field's plain description of the type it must have: "a number", "one of [A, B]". */
    static String simpleType(Class<?> type) {
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

    static String path(JsonMappingException ex) {
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
}

package org.negotiationledger.api.problem;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.validation.Validator;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.springframework.validation.DataBinder;
import org.springframework.validation.beanvalidation.SpringValidatorAdapter;

/**
 * Binds a JSON body so that one answer names every field at fault, as Bean Validation names every constraint
 * it finds broken: Jackson stops at the first value it cannot bind (an unknown enum value, a wrong type, an
 * unknown field), so each such value is noted with its path and taken out of the tree, and the rest bound
 * again; the object then bound, with those fields left null, is validated, and a broken constraint on a field
 * already noted (its {@code @NotNull}, say) is not reported twice. A body with one fault in all is answered as
 * before this class, by {@link BodyProblems} or by Spring's validation, so that its answer keeps its own words.
 */
public final class FieldByField {

    /** Enough for any body of this API; bounds the work a hostile body with thousands of bad fields can cause. */
    static final int MAX_ERRORS = 100;

    private FieldByField() {}

    /** A body with more than one field at fault: 400 {@code invalid-field}, each field an entry of {@code errors}. */
    public static final class InvalidFieldsException extends ProblemException {

        InvalidFieldsException(List<FieldError> errors) {
            super(
                    ProblemType.INVALID_FIELD,
                    "invalid fields",
                    ProblemHandler.invalidFields(errors).getDetail(),
                    errors);
        }
    }

    /**
     * The body as {@code type}, which the caller then validates as usual.
     *
     * @throws JsonProcessingException Jackson's own failure when it is the body's only fault, or when it is not
     *                                 about a field (the body is not an object of the expected shape)
     * @throws InvalidFieldsException  when more than one field is at fault, whether it fails to bind or breaks a
     *                                 constraint
     */
    public static Object bind(ObjectMapper json, Validator validator, JsonNode body, JavaType type)
            throws JsonProcessingException {
        try {
            return json.treeToValue(body, type);
        } catch (JsonProcessingException first) {
            throw collected(json, validator, body.deepCopy(), type, first);
        }
    }

    private static JsonProcessingException collected(
            ObjectMapper json, Validator validator, JsonNode tree, JavaType type, JsonProcessingException first) {
        List<FieldError> unbound = new ArrayList<>();
        JsonProcessingException failure = first;
        Object bound = null;
        while (true) {
            FieldError error = BodyProblems.fieldError(failure);
            if (error == null || !(failure instanceof JsonMappingException mapping)) {
                if (unbound.isEmpty()) {
                    return failure;
                }
                break;
            }
            unbound.add(error);
            if (unbound.size() == MAX_ERRORS || !remove(tree, mapping.getPath())) {
                break;
            }
            try {
                bound = json.treeToValue(tree, type);
                break;
            } catch (JsonProcessingException next) {
                failure = next;
            }
        }
        List<FieldError> errors = new ArrayList<>(unbound);
        if (bound != null) {
            errors.addAll(violations(validator, bound, unbound));
        }
        if (errors.size() == 1) {
            return first;
        }
        errors.sort(Comparator.comparing(FieldError::field));
        throw new InvalidFieldsException(errors);
    }

    /** The constraints the bound object breaks, as Spring MVC names them, but on fields that did not bind. */
    private static List<FieldError> violations(Validator validator, Object bound, List<FieldError> unbound) {
        DataBinder binder = new DataBinder(bound, "body");
        binder.setValidator(new SpringValidatorAdapter(validator));
        binder.validate();
        return binder.getBindingResult().getFieldErrors().stream()
                .filter(e -> unbound.stream().noneMatch(u -> within(e.getField(), u.field())))
                .map(e -> new FieldError(e.getField(), e.getDefaultMessage()))
                .toList();
    }

    private static boolean within(String field, String unbound) {
        return field.equals(unbound) || field.startsWith(unbound + ".") || field.startsWith(unbound + "[");
    }

    /**
     * Takes the value at a path out of the tree: a field is removed (bound as absent), an element of an array
     * becomes null (so that the indices of the others still name them). False when there is nothing to take out,
     * so that binding again could not get further.
     */
    private static boolean remove(JsonNode tree, List<JsonMappingException.Reference> path) {
        if (path.isEmpty()) {
            return false;
        }
        JsonNode parent = tree;
        for (JsonMappingException.Reference step : path.subList(0, path.size() - 1)) {
            parent = step.getFieldName() != null ? parent.get(step.getFieldName()) : parent.get(step.getIndex());
            if (parent == null) {
                return false;
            }
        }
        JsonMappingException.Reference last = path.get(path.size() - 1);
        if (last.getFieldName() != null && parent instanceof ObjectNode object && object.has(last.getFieldName())) {
            object.remove(last.getFieldName());
            return true;
        }
        if (last.getFieldName() == null
                && parent instanceof ArrayNode array
                && last.getIndex() >= 0
                && last.getIndex() < array.size()
                && !array.get(last.getIndex()).isNull()) {
            array.set(last.getIndex(), NullNode.getInstance());
            return true;
        }
        return false;
    }
}

package org.negotiationledger.api.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.InvalidDefinitionException;
import jakarta.validation.Validator;
import java.io.IOException;
import java.lang.reflect.Type;
import org.negotiationledger.api.problem.FieldByField;
import org.springframework.http.HttpInputMessage;
import org.springframework.http.converter.HttpMessageConversionException;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.http.converter.json.MappingJackson2HttpMessageConverter;

/**
 * Spring's JSON converter, reading a body as a tree first and binding it {@link FieldByField field by field}, so
 * that a body with several faults is answered with all of them. The tree is read by Spring's own code, so
 * encodings, limits and unreadable JSON are answered as before.
 */
final class FieldByFieldJsonConverter extends MappingJackson2HttpMessageConverter {

    private final Validator validator;

    FieldByFieldJsonConverter(ObjectMapper json, Validator validator) {
        super(json);
        this.validator = validator;
    }

    @Override
    public Object read(Type type, Class<?> contextClass, HttpInputMessage input) throws IOException {
        JavaType target = getJavaType(type, contextClass);
        if (JsonNode.class.isAssignableFrom(target.getRawClass())) {
            return super.read(type, contextClass, input);
        }
        JsonNode tree = (JsonNode) super.read(JsonNode.class, null, input);
        try {
            return FieldByField.bind(getObjectMapper(), validator, tree, target);
        } catch (InvalidDefinitionException ex) {
            throw new HttpMessageConversionException("Type definition error: " + ex.getType(), ex);
        } catch (JsonProcessingException ex) {
            throw new HttpMessageNotReadableException("JSON parse error: " + ex.getOriginalMessage(), ex, input);
        }
    }

    @Override
    protected Object readInternal(Class<?> type, HttpInputMessage input) throws IOException {
        return read(type, null, input);
    }
}

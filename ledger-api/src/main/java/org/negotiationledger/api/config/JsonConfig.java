package org.negotiationledger.api.config;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.DeserializationConfig;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.deser.BeanDeserializerModifier;
import com.fasterxml.jackson.databind.deser.std.DelegatingDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.type.LogicalType;
import jakarta.validation.Validator;
import java.io.IOException;
import org.negotiationledger.api.param.CleanText;
import org.springframework.boot.autoconfigure.jackson.Jackson2ObjectMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.converter.json.MappingJackson2HttpMessageConverter;

/**
 * Strict JSON for the HTTP API (the rest is in application.properties): a number or a boolean where text is
 * expected is refused, not silently turned into text, and an empty string is not taken for a missing value.
 */
@Configuration(proxyBeanMethods = false)
public class JsonConfig {

    static final int MAX_NESTING = 16;
    static final int MAX_STRING = 100_000;
    static final int MAX_NUMBER = 30;

    @Bean
    public Jackson2ObjectMapperBuilderCustomizer strictScalars() {
        return builder -> builder.deserializerByType(String.class, new CleanText())
                .postConfigurer(mapper -> {
                    // Far below Jackson's defaults (1,000 levels, 20 MB strings): no command nests deeper than a few
                    // levels or holds a string longer than its longest text field.
                    mapper.getFactory()
                            .setStreamReadConstraints(StreamReadConstraints.builder()
                                    .maxNestingDepth(MAX_NESTING)
                                    .maxStringLength(MAX_STRING)
                                    .maxNumberLength(MAX_NUMBER)
                                    .build());
                    mapper.coercionConfigFor(LogicalType.Textual)
                            .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                            .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                            .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
                    for (LogicalType type : new LogicalType[] {
                        LogicalType.Integer,
                        LogicalType.Float,
                        LogicalType.Boolean,
                        LogicalType.Enum,
                        LogicalType.Collection,
                        LogicalType.POJO
                    }) {
                        mapper.coercionConfigFor(type)
                                .setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail)
                                .setCoercion(
                                        CoercionInputShape.String,
                                        type == LogicalType.Enum || type == LogicalType.POJO
                                                ? CoercionAction.TryConvert
                                                : CoercionAction.Fail);
                    }
                });
    }

    /**
     * Every field at fault in one answer: Spring Boot uses this converter in place of its own (a subclass of the
     * one it would make).
     */
    @Bean
    public MappingJackson2HttpMessageConverter fieldByFieldJson(ObjectMapper json, Validator validator) {
        return new FieldByFieldJsonConverter(json, validator);
    }

    /**
     * Enum values exactly as named: Jackson trims {@code "STATE "} to {@code STATE}, which would let two spellings
     * of one value through.
     */
    @Bean
    public SimpleModule exactEnums() {
        return new SimpleModule("exact-enums").setDeserializerModifier(new BeanDeserializerModifier() {
            @Override
            public JsonDeserializer<?> modifyEnumDeserializer(
                    DeserializationConfig config,
                    JavaType type,
                    BeanDescription description,
                    JsonDeserializer<?> deserializer) {
                return new ExactEnum(deserializer);
            }
        });
    }

    private static final class ExactEnum extends DelegatingDeserializer {

        ExactEnum(JsonDeserializer<?> delegate) {
            super(delegate);
        }

        @Override
        protected JsonDeserializer<?> newDelegatingInstance(JsonDeserializer<?> delegate) {
            return new ExactEnum(delegate);
        }

        @Override
        public Object deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            if (parser.hasToken(JsonToken.VALUE_STRING)) {
                String text = parser.getText();
                if (!text.equals(text.strip())) {
                    return context.handleWeirdStringValue(handledType(), text, "has spaces around the value");
                }
            }
            return super.deserialize(parser, context);
        }
    }
}

package org.negotiationledger.api.config;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import java.io.IOException;

/**
 * Text in a request must be well-formed Unicode without control characters (tab, line feed and carriage
 * return excepted). Jackson decodes a UTF-8-encoded surrogate (invalid UTF-8) and a JSON escape like
 * {@code \u0000} into a Java string without complaint; the ledger would then keep text that no export can
 * write faithfully.
 */
final class CleanText extends StringDeserializer {

    @Override
    public String deserialize(JsonParser parser, DeserializationContext context) throws IOException {
        String text = super.deserialize(parser, context);
        if (text == null) {
            return null;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return (String) context.handleWeirdStringValue(String.class, text,
                        "is not well-formed Unicode (a lone surrogate at character " + i + ")");
            } else if (c < 0x20 && c != '\t' && c != '\n' && c != '\r' || c == 0x7f) {
                return (String) context.handleWeirdStringValue(String.class, text,
                        "contains a control character (U+%04X) at character %d", (int) c, i);
            }
        }
        return text;
    }
}

package org.negotiationledger.api.param;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import java.io.IOException;
import org.negotiationledger.api.problem.RefusedValueException;

/**
 * What every text of a request must be, whatever its field: well-formed Unicode, with no control characters
 * (C0 but tab, line feed and carriage return; DEL; C1), no noncharacters (U+FDD0 to U+FDEF, U+xxFFFE, U+xxFFFF)
 * and no bidirectional embedding, override or isolate controls (U+202A to U+202E, U+2066 to U+2069), which
 * make text display in another order than it is stored: a record read aloud must say what it shows. Jackson
 * decodes a JSON escape like {@code \u0000} or a lone surrogate into a Java string without complaint; the
 * ledger would then keep text that no export can write faithfully. Names are stricter still
 * ({@code command.Text}).
 */
public final class CleanText extends StringDeserializer {

    @Override
    public String deserialize(JsonParser parser, DeserializationContext context) throws IOException {
        String text = super.deserialize(parser, context);
        if (text == null) {
            return null;
        }
        String problem = problem(text);
        if (problem != null) {
            throw new RefusedValueException(parser, problem);
        }
        return text;
    }

    /** What is wrong with a text, or null when it is acceptable anywhere. */
    public static String problem(String text) {
        for (int i = 0; i < text.length(); ) {
            int c = text.codePointAt(i);
            if (Character.isSurrogate(text.charAt(i)) && Character.charCount(c) == 1) {
                return "is not well-formed Unicode (a lone surrogate at character " + i + ")";
            }
            if (c < 0x20 && c != '\t' && c != '\n' && c != '\r' || c >= 0x7f && c <= 0x9f) {
                return String.format("contains a control character (U+%04X) at character %d", c, i);
            }
            if (c >= 0xFDD0 && c <= 0xFDEF || (c & 0xFFFE) == 0xFFFE) {
                return String.format("contains a noncharacter (U+%04X) at character %d", c, i);
            }
            if (c >= 0x202A && c <= 0x202E || c >= 0x2066 && c <= 0x2069) {
                return String.format(
                        "contains a bidirectional control (U+%04X) at character %d, which would make "
                                + "the text display otherwise than it reads",
                        c, i);
            }
            i += Character.charCount(c);
        }
        return null;
    }
}

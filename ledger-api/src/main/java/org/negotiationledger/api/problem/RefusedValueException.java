package org.negotiationledger.api.problem;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonMappingException;

/**
 * A value of a body that a deserializer of the ledger refused for what it holds; the message says what, without
 * echoing the value. Answered 400 naming the field.
 */
public final class RefusedValueException extends JsonMappingException {

    public RefusedValueException(JsonParser parser, String problem) {
        super(parser, problem);
    }
}

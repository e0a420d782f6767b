package org.negotiationledger.core.shared;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** The id of a violation report, unique within its commitment. Serialized as its bare slug; it names an entity inside a record, not a stream. */
public record ViolationId(String value) {

    public ViolationId {
        RecordId.require(value, "violation id");
    }

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public static ViolationId of(String value) {
        return new ViolationId(value);
    }

    @Override
    @JsonValue
    public String value() {
        return value;
    }

    @Override
    public String toString() {
        return value;
    }
}

package org.negotiationledger.core.shared;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** The id of a violation report, unique within its commitment. Serialized as its bare slug; it names an entity inside a record, not a stream. */
public record ViolationId(@JsonValue String value) {

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public ViolationId {
        RecordId.require(value, "violation id");
    }

    @Override
    public String toString() {
        return value;
    }
}

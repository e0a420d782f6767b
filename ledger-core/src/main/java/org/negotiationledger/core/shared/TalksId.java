package org.negotiationledger.core.shared;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** The id of a round of talks, unique within its negotiation. Serialized as its bare slug; it names an entity inside a record, not a stream. */
public record TalksId(@JsonValue String value) {

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public TalksId {
        RecordId.require(value, "talks id");
    }

    @Override
    public String toString() {
        return value;
    }
}

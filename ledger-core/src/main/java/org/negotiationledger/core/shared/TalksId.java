package org.negotiationledger.core.shared;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** The id of a round of talks, unique within its negotiation. Serialized as its bare slug; it names an entity inside a record, not a stream. */
public record TalksId(String value) {

    public TalksId {
        RecordId.require(value, "talks id");
    }

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public static TalksId of(String value) {
        return new TalksId(value);
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

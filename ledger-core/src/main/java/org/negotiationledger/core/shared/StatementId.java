package org.negotiationledger.core.shared;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** The id of a statement. Serialized as its bare slug; {@link #toString()} is its stream key (see {@link RecordId}). */
public record StatementId(String value) {

    public static final String KIND = "statement";

    public StatementId {
        RecordId.require(value, "The id of a statement.");
    }

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public static StatementId of(String value) {
        return new StatementId(value);
    }

    @Override
    @JsonValue
    public String value() {
        return value;
    }

    @Override
    public String toString() {
        return RecordId.streamKey(KIND, value);
    }
}

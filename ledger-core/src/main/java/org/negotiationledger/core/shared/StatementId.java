package org.negotiationledger.core.shared;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** The id of a statement. Serialized as its bare slug; {@link #toString()} is its stream key (see {@link RecordId}). */
public record StatementId(@JsonValue String value) {

    public static final String KIND = "statement";

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public StatementId {
        RecordId.require(value, "statement id");
    }

    @Override
    public String toString() {
        return RecordId.streamKey(KIND, value);
    }
}

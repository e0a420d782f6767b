package org.negotiationledger.core.shared;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** The id of a commitment (a truce or a pledge; both share one id space). Serialized as its bare slug; {@link #toString()} is its stream key (see {@link RecordId}). */
public record CommitmentId(@JsonValue String value) {

    public static final String KIND = "commitment";

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public CommitmentId {
        RecordId.require(value, "commitment id");
    }

    @Override
    public String toString() {
        return RecordId.streamKey(KIND, value);
    }
}

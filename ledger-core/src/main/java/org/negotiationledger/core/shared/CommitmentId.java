package org.negotiationledger.core.shared;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** The id of a commitment (a truce or a pledge; both share one id space). Serialized as its bare slug; {@link #toString()} is its stream key (see {@link RecordId}). */
public record CommitmentId(String value) {

    public static final String KIND = "commitment";

    public CommitmentId {
        RecordId.require(value, "The id of a commitment (a truce or a pledge; both share one id space).");
    }

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public static CommitmentId of(String value) {
        return new CommitmentId(value);
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

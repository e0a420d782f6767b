package org.negotiationledger.core.shared;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** The id of a negotiation (a peace process). Serialized as its bare slug; {@link #toString()} is its stream key (see {@link RecordId}). */
public record NegotiationId(@JsonValue String value) {

    public static final String KIND = "negotiation";

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public NegotiationId {
        RecordId.require(value, "negotiation id");
    }

    @Override
    public String toString() {
        return RecordId.streamKey(KIND, value);
    }
}

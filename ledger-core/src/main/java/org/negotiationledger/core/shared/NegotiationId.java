package org.negotiationledger.core.shared;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** The id of a negotiation (a peace process). Serialized as its bare slug; {@link #toString()} is its stream key (see {@link RecordId}). */
public record NegotiationId(String value) {

    public static final String KIND = "negotiation";

    public NegotiationId {
        RecordId.require(value, "The id of a negotiation (a peace process).");
    }

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public static NegotiationId of(String value) {
        return new NegotiationId(value);
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

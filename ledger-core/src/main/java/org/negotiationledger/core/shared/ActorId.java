package org.negotiationledger.core.shared;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * The id of an actor (a state, an organization, an office...). Serialized as its bare slug;
 * {@link #toString()} is its stream key (see {@link RecordId}).
 *
 * <p>{@link #UNKNOWN} stands for an accused party that the reporter could not name; no actor may be
 * registered under it.
 */
public record ActorId(@JsonValue String value) {

    public static final String KIND = "actor";
    public static final ActorId UNKNOWN = new ActorId("unknown");

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public ActorId {
        RecordId.require(value, "actor id");
    }

    public boolean isUnknown() {
        return UNKNOWN.equals(this);
    }

    @Override
    public String toString() {
        return RecordId.streamKey(KIND, value);
    }
}

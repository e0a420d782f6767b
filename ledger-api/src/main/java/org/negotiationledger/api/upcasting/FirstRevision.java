package org.negotiationledger.api.upcasting;

import java.util.function.Function;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.axonframework.serialization.upcasting.event.SingleEventUpcaster;

/**
 * Events stored before the event types carried a {@code @Revision} have none: they are revision {@value #ONE}
 * of their type, read unchanged. Named so, every later upcaster of a type starts from a revision, never from
 * "none", and the stored rows (whose seal covers their revision) stay as they were written.
 */
final class FirstRevision extends SingleEventUpcaster {

    static final String ONE = "1";

    /** The ledger's own event types; anything else in the table is left to whoever stored it. */
    private static final String EVENTS = "org.negotiationledger.core.";

    @Override
    protected boolean canUpcast(IntermediateEventRepresentation event) {
        return event.getType().getRevision() == null
                && event.getType().getName().startsWith(EVENTS);
    }

    @Override
    protected IntermediateEventRepresentation doUpcast(IntermediateEventRepresentation event) {
        // The bytes as stored: no conversion, only the revision is named.
        return event.upcastPayload(
                new SimpleSerializedType(event.getType().getName(), ONE), byte[].class, Function.identity());
    }
}

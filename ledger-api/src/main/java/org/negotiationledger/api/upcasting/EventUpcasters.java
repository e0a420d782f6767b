package org.negotiationledger.api.upcasting;

import java.util.List;
import org.axonframework.serialization.upcasting.event.EventUpcaster;
import org.axonframework.serialization.upcasting.event.EventUpcasterChain;

/**
 * Every upcaster of the ledger, in the order they apply: an event stored at an old revision passes through each
 * step up to its type's current {@code @Revision}. A type's stored shape changes by raising its revision and
 * adding here one upcaster from the old revision to the new one (docs/domain.md, "How an event type evolves").
 * The event store reads through this chain, and so does every other reader that deserializes stored events
 * (the views' rebuild, through {@code EventTables}).
 */
public final class EventUpcasters {

    private EventUpcasters() {}

    /** The steps, oldest first. */
    public static List<EventUpcaster> all() {
        return List.of(
                new FirstRevision(),
                FieldAdded.truceAgreedAnnouncedAt(),
                FieldAdded.pledgeMadeAnnouncedAt(),
                FieldAdded.violationReportedOccurredUntil());
    }

    /** The steps as one upcaster, for a reader outside Axon's configuration. */
    public static EventUpcaster chain() {
        return new EventUpcasterChain(all());
    }
}

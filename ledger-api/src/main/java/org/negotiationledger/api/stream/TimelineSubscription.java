package org.negotiationledger.api.stream;

import java.io.IOException;
import org.negotiationledger.api.view.ViewResponses.TimelineEntryResponse;
import org.negotiationledger.projections.fold.TimelineEntry;
import org.negotiationledger.projections.tables.ViewQueries;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * {@code fact} events: a negotiation's timeline entries in the order they were recorded, each with the id
 * {@code <global index>-<entry>} of the event that put it there (an event may put several).
 */
final class TimelineSubscription extends Subscription {

    private final ViewQueries queries;
    private final String negotiationId;
    private long index;
    private int entry;

    TimelineSubscription(
            SseEmitter emitter,
            StreamContext context,
            ViewQueries queries,
            String negotiationId,
            StreamPosition after) {
        super(emitter, context);
        this.queries = queries;
        this.negotiationId = negotiationId;
        this.index = after.index();
        this.entry = after.entry();
    }

    @Override
    Topic topic() {
        return Topic.TIMELINE;
    }

    @Override
    void catchUp() throws IOException {
        long afterIndex = index;
        int afterEntry = entry;
        for (TimelineEntry fact : shared(
                () -> queries.timelineAfter(negotiationId, afterIndex, afterEntry),
                "timeline",
                negotiationId,
                afterIndex,
                afterEntry)) {
            send("fact", fact.globalIndex() + "-" + fact.entry(), TimelineEntryResponse.of(fact));
            index = fact.globalIndex();
            entry = fact.entry();
        }
    }
}

package org.negotiationledger.api.stream;

import java.io.IOException;
import org.negotiationledger.api.view.Views;
import org.negotiationledger.projections.fold.CommitmentState;
import org.negotiationledger.projections.store.ViewQueries;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * {@code commitment} events: each commitment (of one negotiation, when asked) whose view changed after the
 * cursor, at its latest, with the global index of the event that last changed it as the event id.
 */
final class CommitmentsSubscription extends Subscription {

    private final Streams.CommitmentChanges changes;
    private final Views views;
    private final String negotiationId;
    private long cursor;

    CommitmentsSubscription(SseEmitter emitter, Streams.Senders senders, Streams.CommitmentChanges changes, Views views,
            String negotiationId, long after) {
        super(emitter, senders);
        this.changes = changes;
        this.views = views;
        this.negotiationId = negotiationId;
        this.cursor = after;
    }

    @Override
    Streams.Topic topic() {
        return Streams.Topic.COMMITMENTS;
    }

    @Override
    void catchUp() throws IOException {
        for (ViewQueries.Change<CommitmentState> change : changes.after(cursor, negotiationId)) {
            var view = views.present(change.state());
            if (view.isPresent()) {
                send("commitment", Long.toString(change.position()), view.get());
            }
            cursor = change.position();
        }
    }
}

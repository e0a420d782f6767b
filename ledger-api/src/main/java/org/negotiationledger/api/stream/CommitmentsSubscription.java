package org.negotiationledger.api.stream;

import java.io.IOException;
import java.util.List;
import org.negotiationledger.api.view.Views;
import org.negotiationledger.projections.fold.CommitmentState;
import org.negotiationledger.projections.store.ViewQueries;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * {@code commitment} events: each commitment (of one negotiation, when asked) whose view changed after the
 * cursor, at its latest, with the global index of the event that last changed it as the event id.
 */
final class CommitmentsSubscription extends Subscription {

    private final ViewQueries queries;
    private final Views views;
    private final String negotiationId;
    private long cursor;

    CommitmentsSubscription(SseEmitter emitter, Streams.Senders senders, ViewQueries queries, Views views,
            String negotiationId, long after) {
        super(emitter, senders);
        this.queries = queries;
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
        long after = cursor;
        List<ViewQueries.Change<CommitmentState>> changes = shared(
                () -> queries.commitmentsChangedAfter(after, negotiationId), "commitments", negotiationId, after);
        for (ViewQueries.Change<CommitmentState> change : changes) {
            var view = views.present(change.state());
            if (view.isPresent()) {
                send("commitment", Long.toString(change.position()), view.get());
            }
            cursor = change.position();
        }
    }
}

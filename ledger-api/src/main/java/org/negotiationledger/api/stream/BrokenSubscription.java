package org.negotiationledger.api.stream;

import java.io.IOException;
import java.util.List;
import org.negotiationledger.api.view.ViewResponses.BrokenCommitmentResponse;
import org.negotiationledger.api.view.Views;
import org.negotiationledger.projections.fold.BrokenCommitment;
import org.negotiationledger.projections.tables.ViewQueries;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * {@code broken} events: the whole broken-within-hours list, first as it stands and then each time a change to
 * the commitments alters it; the event id is the commitments' position it reflects.
 */
final class BrokenSubscription extends Subscription {

    private final ViewQueries queries;
    private final Views views;
    private final double hours;
    private final String negotiationId;
    private long cursor;
    private List<BrokenCommitment> sent;
    private long judgedAtTick = -1;

    BrokenSubscription(
            SseEmitter emitter,
            StreamContext context,
            ViewQueries queries,
            Views views,
            double hours,
            String negotiationId,
            long after) {
        super(emitter, context);
        this.queries = queries;
        this.views = views;
        this.hours = hours;
        this.negotiationId = negotiationId;
        this.cursor = after;
    }

    @Override
    Topic topic() {
        return Topic.COMMITMENTS;
    }

    @Override
    void catchUp() throws IOException {
        long position = queries.commitmentsPosition();
        // The list is judged now: the clock alone may change it (a commitment taking effect, ending).
        long ticks = context().clockTicks();
        if (sent != null && position <= cursor && ticks == judgedAtTick) {
            return;
        }
        judgedAtTick = ticks;
        List<BrokenCommitment> list = shared(
                () -> views.broken(hours, negotiationId, null, views.moment(null, null)),
                "broken",
                hours,
                negotiationId,
                position,
                ticks);
        // A new client gets the list; a resuming one only if the commitments changed after its id (it cannot be
        // told which list it had); a running stream only when the list differs from the one it sent.
        boolean send = sent == null ? cursor < 0 || position > cursor : !list.equals(sent);
        if (send) {
            send("broken", Long.toString(position), BrokenCommitmentResponse.of(list));
        }
        sent = list;
        cursor = Math.max(cursor, position);
    }
}

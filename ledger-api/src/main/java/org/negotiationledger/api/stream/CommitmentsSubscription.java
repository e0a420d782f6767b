package org.negotiationledger.api.stream;

import java.io.IOException;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.negotiationledger.api.view.ViewResponses.CommitmentResponse;
import org.negotiationledger.projections.fold.CommitmentState;
import org.negotiationledger.projections.fold.CommitmentViews;
import org.negotiationledger.projections.tables.ViewQueries;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * {@code commitment} events: each commitment (of one negotiation, when asked) whose view changed, at its
 * latest, judged at one valid time for the whole catch-up (the view's {@code validAt}). A view changes when an
 * event changes the commitment, and when the clock alone does (it takes effect, expires, ends, is superseded;
 * see {@link ClockChanges}). Each catch-up sends first those the clock changed since the last one, in the order
 * of those moments, then those changed by events after the cursor, each commitment once. The event id says how
 * far both had got: {@code <global index>@<moment>}, and within a moment the clock changed several views,
 * {@code ~<commitment>}; resuming from it sends exactly what came after.
 */
final class CommitmentsSubscription extends Subscription {

    private final ViewQueries queries;
    private final String negotiationId;
    private long cursor;
    /** Up to where the clock's changes were sent: a moment, and within it the last commitment (or all). */
    private ClockChanges.Change judged;

    CommitmentsSubscription(
            SseEmitter emitter,
            StreamContext context,
            ViewQueries queries,
            String negotiationId,
            StreamPosition.Commitments after) {
        super(emitter, context);
        this.queries = queries;
        this.negotiationId = negotiationId;
        this.cursor = after.index();
        this.judged = after.judgedAt() == null
                ? upTo(context().now())
                : after.commitmentId() == null
                        ? upTo(after.judgedAt())
                        : new ClockChanges.Change(after.judgedAt(), after.commitmentId());
    }

    @Override
    Topic topic() {
        return Topic.COMMITMENTS;
    }

    @Override
    void catchUp() throws IOException {
        long now = context().now();
        Instant validAt = Instant.ofEpochMilli(now);
        long after = cursor;
        List<ViewQueries.Change<CommitmentState>> changes = shared(
                () -> queries.commitmentsChangedAfter(after, negotiationId), "commitments", negotiationId, after);
        Set<String> changedByEvents = changes.stream().map(c -> c.state().id()).collect(Collectors.toSet());

        // A stream that has sent no change yet is sent every commitment below, judged now: the clock's too.
        List<ClockChanges.Change> byClock = after < 0
                ? List.of()
                : context().clockChanges(judged, now).stream()
                        .filter(change -> !changedByEvents.contains(change.commitmentId()))
                        .toList();
        if (!byClock.isEmpty()) {
            Map<String, CommitmentState> states = new HashMap<>();
            queries.commitments(byClock.stream()
                            .map(ClockChanges.Change::commitmentId)
                            .toList())
                    .forEach(state -> states.put(state.id(), state));
            for (ClockChanges.Change change : byClock) {
                CommitmentState state = states.get(change.commitmentId());
                if (state != null
                        && (negotiationId == null
                                || negotiationId.equals(state.agreement().negotiationId()))) {
                    var view = CommitmentViews.at(state, validAt);
                    if (view.isPresent()) {
                        send(
                                "commitment",
                                cursor + "@" + change.at() + "~" + change.commitmentId(),
                                CommitmentResponse.of(view.get()));
                    }
                }
                judged = change;
            }
        }
        judged = upTo(now);
        for (ViewQueries.Change<CommitmentState> change : changes) {
            var view = CommitmentViews.at(change.state(), validAt);
            if (view.isPresent()) {
                send("commitment", change.position() + "@" + now, CommitmentResponse.of(view.get()));
            }
            cursor = change.position();
        }
    }

    /** Every change of the clock up to and including {@code moment}. */
    private static ClockChanges.Change upTo(long moment) {
        return new ClockChanges.Change(moment, "\uffff");
    }
}

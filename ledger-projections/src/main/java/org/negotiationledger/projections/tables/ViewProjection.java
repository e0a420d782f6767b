package org.negotiationledger.projections.tables;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.negotiationledger.projections.fold.Fact;
import org.negotiationledger.projections.fold.ViewFold;
import org.negotiationledger.seal.events.EventTables;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The live projection of every view, in the tracking processor {@value #GROUP}. Each event goes through
 * {@link ViewFold}; the rows a batch touches are cached and written once when the batch commits, in the same
 * transaction as the processor's token, so the views and the token never disagree. A batch writes to the
 * generation of the view tables that serves when it begins ({@link ViewTables}); a rebuild's switch to a new
 * one claims the token first, so no batch straddles it.
 */
@ProcessingGroup(ViewProjection.GROUP)
public class ViewProjection {

    public static final String GROUP = "views";
    private static final String BATCH = ViewProjection.class.getName() + ".batch";
    /** The position of the token of the batch's last event so far. */
    private static final String POSITION = ViewProjection.class.getName() + ".position";

    private final JdbcTemplate jdbc;
    private final EventTables events;
    private final ReportCache cache = new ReportCache();
    private final List<Runnable> committing = new CopyOnWriteArrayList<>();
    private final List<Runnable> committed = new CopyOnWriteArrayList<>();

    public ViewProjection(JdbcTemplate jdbc, EventTables events) {
        this.jdbc = jdbc;
        this.events = events;
    }

    @EventHandler
    void on(Object event, DomainEventMessage<?> message, @Timestamp Instant recordedAt, TrackingToken token) {
        JdbcViewStore store = batch();
        store.fold(new Fact(
                globalIndex(message, token),
                message.getAggregateIdentifier(),
                message.getSequenceNumber(),
                recordedAt,
                event));
    }

    /**
     * The event's own global index. A token's position is the highest index the stream has read, which is the
     * event's own only if the event moved it there: indexes are taken before commit, so an event may commit after
     * one with a higher index, and then comes later, filling the gap its index left, with the position unchanged.
     * Taken for its own, that position put the event on the timeline under the other's index, in place of the
     * other's entry. So the position serves when it rose past the previous event's in this batch (one segment:
     * every event comes here, in the stream's order); the first event of a batch and each that fills a gap are
     * looked up.
     */
    private long globalIndex(DomainEventMessage<?> message, TrackingToken token) {
        long position = token.position()
                .orElseThrow(() -> new IllegalStateException(
                        "the views need the event's global index; token " + token + " has none"));
        UnitOfWork<?> root = CurrentUnitOfWork.get().root();
        Long previous = root.getResource(POSITION);
        root.resources().put(POSITION, position);
        if (previous != null && position > previous) {
            return position;
        }
        return events.globalIndexOf(message.getIdentifier())
                .orElseThrow(
                        () -> new IllegalStateException("event " + message.getIdentifier() + " has no global index"));
    }

    @ResetHandler
    void reset() {
        cache.clear();
        ViewTables.serving(jdbc).clear(jdbc);
    }

    /**
     * Runs {@code step} in each batch's transaction after its rows are written, before it commits: what must
     * commit with the views or not at all (a database notification that they changed).
     */
    public void onCommitting(Runnable step) {
        committing.add(step);
    }

    /** Runs {@code listener} after each batch has committed (on the processor's thread: keep it short). */
    public void onCommitted(Runnable listener) {
        committed.add(listener);
    }

    /** Forgets the reports it keeps between batches: the tables were rewritten behind it (a rebuild). */
    public void forgetCachedReports() {
        cache.clear();
    }

    private JdbcViewStore batch() {
        UnitOfWork<?> unitOfWork = CurrentUnitOfWork.get();
        UnitOfWork<?> root = unitOfWork.root();
        return root.getOrComputeResource(BATCH, key -> {
            JdbcViewStore store = JdbcViewStore.live(jdbc, ViewTables.serving(jdbc), cache);
            root.onPrepareCommit(u -> {
                store.flush();
                committing.forEach(Runnable::run);
            });
            root.afterCommit(u -> {
                store.committedTo(cache);
                committed.forEach(Runnable::run);
            });
            return store;
        });
    }
}

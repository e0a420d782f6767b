package org.negotiationledger.projections.rebuild;

import java.util.function.Supplier;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.negotiationledger.projections.tables.ViewProjection;
import org.negotiationledger.projections.tables.ViewTables;
import org.negotiationledger.seal.events.EventTables;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The switch from the serving generation to a built one, in one transaction: claims the views' token (this
 * server's processor lets it go for the while), folds what came since, names the new generation as serving
 * and moves the token to the head it reached. Queries read the serving generation per call, and the live
 * projection per batch, so after the commit both go to the new one.
 */
final class GenerationSwitch {

    private final Supplier<StreamingEventProcessor> processor;
    private final TransactionTemplate transactions;
    private final EventTables events;
    private final RebuildRequests requests;
    private final ViewProjection projection;

    GenerationSwitch(
            Supplier<StreamingEventProcessor> processor,
            TransactionTemplate transactions,
            EventTables events,
            RebuildRequests requests,
            ViewProjection projection) {
        this.processor = processor;
        this.transactions = transactions;
        this.events = events;
        this.requests = requests;
        this.projection = projection;
    }

    /**
     * Switches to {@code next}, built by {@code build}, as {@code builder}.
     *
     * @throws Superseded when the rebuild is no longer {@code builder}'s (nothing switched)
     */
    void to(ViewTables next, GenerationBuild build, String builder) {
        StreamingEventProcessor views = processor.get();
        views.shutDown();
        try {
            transactions.executeWithoutResult(status -> {
                EventTables.ClaimedTokens token = events.claimTokens(ViewProjection.GROUP);
                long head = events.head();
                build.finish(head);
                if (!requests.switched(builder, next.generation(), ViewTables.SCHEMA, head)) {
                    throw new Superseded();
                }
                token.moveTo(head, build.gapsBelow(head));
            });
            projection.forgetCachedReports();
        } finally {
            views.start();
        }
    }
}

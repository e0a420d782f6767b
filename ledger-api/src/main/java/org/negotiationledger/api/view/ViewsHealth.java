package org.negotiationledger.api.view;

import org.negotiationledger.projections.rebuild.Progress;
import org.negotiationledger.projections.rebuild.Rebuilds;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Component;

/**
 * Actuator health of the views on this server: DOWN while its processor is stopped on a failing event, or not
 * running at all (so that it can neither do the views' work nor take it over from a server that dies). A failed
 * rebuild is shown but is not DOWN: the views it would have replaced go on serving and keeping up.
 */
@Component("viewsHealthIndicator")
class ViewsHealth implements HealthIndicator {

    private final Rebuilds rebuilds;

    ViewsHealth(Rebuilds rebuilds) {
        this.rebuilds = rebuilds;
    }

    @Override
    public Health health() {
        try {
            return standing();
        } catch (DataAccessException e) {
            // Health must answer when the store does not (a full disk): the storage indicator says why.
            return Health.down()
                    .withDetail("error", "the views' state cannot be read from the store")
                    .build();
        }
    }

    private Health standing() {
        Progress progress = rebuilds.progress();
        String stopped = rebuilds.processorError();
        Health.Builder health = stopped != null
                ? Health.down().withDetail("error", stopped)
                : !rebuilds.isRunning()
                        ? Health.down().withDetail("error", "the views' processor is not running")
                        : Health.up();
        return health.withDetail("position", progress.done())
                .withDetail("head", progress.total())
                .withDetail("holdsTheWork", rebuilds.holdsTheWork())
                .withDetail("rebuild", progress.state().name())
                .withDetail("generation", progress.generation())
                .build();
    }
}

package org.negotiationledger.api.view;

import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * Actuator health of the views on this server: DOWN while its processor is stopped on a failing event, or not
 * running at all (so that it can neither do the views' work nor take it over from a server that dies).
 */
@Component("viewsHealthIndicator")
class ViewsHealth implements HealthIndicator {

    private final Rebuilds rebuilds;

    ViewsHealth(Rebuilds rebuilds) {
        this.rebuilds = rebuilds;
    }

    @Override
    public Health health() {
        Rebuilds.Progress progress = rebuilds.progress("all");
        Health.Builder health = progress.error() != null ? Health.down().withDetail("error", progress.error())
                : !rebuilds.isRunning() ? Health.down().withDetail("error", "the views' processor is not running")
                : Health.up();
        return health.withDetail("position", progress.done()).withDetail("head", progress.total())
                .withDetail("holdsTheWork", rebuilds.holdsTheWork()).withDetail("replaying", rebuilds.isReplaying())
                .build();
    }
}

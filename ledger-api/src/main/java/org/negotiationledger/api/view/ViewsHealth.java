package org.negotiationledger.api.view;

import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.stereotype.Component;

/** Actuator health of the views: DOWN while their projection is stopped on a failing event. */
@Component("viewsHealthIndicator")
class ViewsHealth implements HealthIndicator {

    private final Rebuilds rebuilds;

    ViewsHealth(Rebuilds rebuilds) {
        this.rebuilds = rebuilds;
    }

    @Override
    public Health health() {
        Rebuilds.Progress progress = rebuilds.progress("all");
        Health.Builder health = progress.error() == null ? Health.up() : Health.down().withDetail("error", progress.error());
        return health.withDetail("position", progress.done()).withDetail("replaying", rebuilds.isReplaying()).build();
    }
}

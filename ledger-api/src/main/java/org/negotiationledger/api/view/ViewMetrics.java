package org.negotiationledger.api.view;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.ToDoubleFunction;
import org.negotiationledger.projections.rebuild.Rebuilds;
import org.negotiationledger.projections.tables.ViewProjection;
import org.negotiationledger.seal.events.EventTables;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Component;

/**
 * How far the views are behind the event store, as metrics ({@code ledger.events.head},
 * {@code ledger.views.position}, {@code ledger.views.lag.events}, {@code ledger.views.lag.seconds},
 * {@code ledger.views.rebuild.percent}, {@code ledger.views.running}) and as a readiness check: a server whose
 * views are more than {@code ledger.readiness.max-view-lag} events behind (a rebuild from empty, a catch-up
 * after an outage) is not ready, so a load balancer sends its reads elsewhere until it has caught up.
 * <p>
 * One reading serves every gauge of a scrape: it is kept for a second.
 */
@Component("viewsLagHealthIndicator")
class ViewMetrics implements MeterBinder, HealthIndicator {

    private static final Duration FRESH = Duration.ofSeconds(1);

    private final Rebuilds rebuilds;
    private final EventTables events;
    private final Clock clock;
    private final long maxLag;
    private volatile Reading last;

    /** The views' standing at one moment: the head, their position, and the age of the oldest event not folded. */
    record Reading(
            long head, long position, double lagSeconds, double rebuildPercent, boolean running, long takenNanos) {

        long lagEvents() {
            return Math.max(0, head - position);
        }
    }

    ViewMetrics(
            Rebuilds rebuilds,
            EventTables events,
            Clock clock,
            @Value("${ledger.readiness.max-view-lag:1000}") long maxLag) {
        this.rebuilds = rebuilds;
        this.events = events;
        this.clock = clock;
        this.maxLag = maxLag;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        gauge(registry, "ledger.events.head", "the global index of the newest event", null, Reading::head);
        gauge(
                registry,
                "ledger.views.position",
                "the global index the views have folded up to",
                null,
                Reading::position);
        gauge(
                registry,
                "ledger.views.lag.events",
                "events recorded that the views have not folded yet",
                null,
                Reading::lagEvents);
        gauge(
                registry,
                "ledger.views.lag.seconds",
                "how long ago the oldest event not yet folded was recorded " + "(0 when the views have caught up)",
                "seconds",
                Reading::lagSeconds);
        gauge(
                registry,
                "ledger.views.rebuild.percent",
                "progress of the views' rebuild (100 when none runs)",
                "percent",
                Reading::rebuildPercent);
        gauge(
                registry,
                "ledger.views.running",
                "1 while this server's views processor runs",
                null,
                r -> r.running() ? 1 : 0);
    }

    private void gauge(
            MeterRegistry registry, String name, String description, String unit, ToDoubleFunction<Reading> value) {
        Gauge.builder(name, this, metrics -> value.applyAsDouble(metrics.reading()))
                .description(description)
                .baseUnit(unit)
                .register(registry);
    }

    @Override
    public Health health() {
        Reading reading;
        try {
            reading = reading();
        } catch (DataAccessException e) {
            // Health must answer when the store does not (a full disk): the storage indicator says why.
            return Health.down()
                    .withDetail("error", "the views' lag cannot be read from the store")
                    .build();
        }
        Health.Builder health = reading.lagEvents() > maxLag ? Health.outOfService() : Health.up();
        return health.withDetail("lagEvents", reading.lagEvents())
                .withDetail("lagSeconds", reading.lagSeconds())
                .withDetail("maxLagEvents", maxLag)
                .build();
    }

    Reading reading() {
        Reading reading = last;
        if (reading == null || System.nanoTime() - reading.takenNanos() > FRESH.toNanos()) {
            reading = read();
            last = reading;
        }
        return reading;
    }

    private Reading read() {
        long head = events.head();
        long position = Math.min(events.position(ViewProjection.GROUP), head);
        double lagSeconds = 0;
        if (position < head) {
            Optional<Instant> oldest = events.firstRecordedAfter(position);
            if (oldest.isPresent()) {
                lagSeconds = Math.max(
                        0, Duration.between(oldest.get(), clock.instant()).toMillis() / 1000.0);
            }
        }
        return new Reading(
                head,
                position,
                lagSeconds,
                rebuilds.progress(head, () -> position).percent(),
                rebuilds.isRunning(),
                System.nanoTime());
    }
}

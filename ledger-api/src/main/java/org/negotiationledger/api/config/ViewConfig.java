package org.negotiationledger.api.config;

import java.time.Clock;
import java.time.Duration;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.negotiationledger.projections.rebuild.Rebuilds;
import org.negotiationledger.projections.tables.ViewProjection;
import org.negotiationledger.projections.tables.ViewQueries;
import org.negotiationledger.seal.events.EventTables;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/** The live projection of the views, the queries that read them, and their rebuild. */
@Configuration(proxyBeanMethods = false)
public class ViewConfig {

    @Bean
    public ViewProjection viewProjection(JdbcTemplate jdbc, EventTables events) {
        return new ViewProjection(jdbc, events);
    }

    /**
     * Rebuilds into a new generation of the view tables, asked of any server and carried out by the one that holds
     * the views' work; another server's build is taken over once its heartbeat has stood still for
     * {@code ledger.views.rebuild-stall-timeout}.
     */
    @Bean(initMethod = "watch", destroyMethod = "close")
    public Rebuilds rebuilds(
            EventProcessingConfiguration processing,
            JdbcTemplate jdbc,
            EventTables events,
            Clock clock,
            TransactionTemplate transactions,
            ViewProjection projection,
            @Value("${ledger.views.rebuild-stall-timeout:60s}") Duration stallTimeout) {
        return new Rebuilds(processing, jdbc, events, clock, transactions, projection, stallTimeout);
    }

    @Bean
    public ViewQueries viewQueries(JdbcTemplate jdbc) {
        return new ViewQueries(jdbc);
    }

    /**
     * A failing event stops the views (the processor retries it with back-off and reports the error in
     * actuator health) instead of being logged and skipped, which would leave a view silently wrong.
     */
    @Bean
    public ConfigurerModule viewErrors() {
        return configurer -> configurer.eventProcessing(processing -> processing.registerListenerInvocationErrorHandler(
                ViewProjection.GROUP, c -> PropagatingErrorHandler.instance()));
    }
}

package org.negotiationledger.api.config;

import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.negotiationledger.projections.store.ViewProjection;
import org.negotiationledger.projections.store.ViewQueries;
import org.negotiationledger.seal.events.EventTables;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

/** The live projection of the views, and the queries that read them. */
@Configuration(proxyBeanMethods = false)
public class ViewConfig {

    @Bean
    public ViewProjection viewProjection(JdbcTemplate jdbc, EventTables events) {
        return new ViewProjection(jdbc, events);
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

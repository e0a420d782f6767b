package org.negotiationledger.api.config;

import java.time.Clock;
import java.time.Duration;
import org.axonframework.eventhandling.GenericEventMessage;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The server's clock: the one source of record time. */
@Configuration(proxyBeanMethods = false)
public class LedgerConfig {

    /**
     * Record time in whole milliseconds. Axon stamps events from {@link GenericEventMessage#clock} and stores the
     * stamp as ISO text; with a fixed precision that text sorts as time does, so "recorded at or before" is a
     * plain comparison in SQL on both databases.
     */
    @Bean
    public Clock clock() {
        Clock clock = Clock.tick(Clock.systemUTC(), Duration.ofMillis(1));
        GenericEventMessage.clock = clock;
        return clock;
    }
}

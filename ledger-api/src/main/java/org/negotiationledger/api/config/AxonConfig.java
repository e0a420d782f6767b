package org.negotiationledger.api.config;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.fasterxml.jackson.module.paramnames.ParameterNamesModule;
import java.lang.management.ManagementFactory;
import java.util.UUID;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventhandling.tokenstore.jdbc.JdbcTokenStore;
import org.axonframework.eventhandling.tokenstore.jdbc.TokenSchema;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.axonframework.messaging.correlation.MessageOriginProvider;
import org.axonframework.messaging.correlation.SimpleCorrelationDataProvider;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.json.JacksonSerializer;
import org.axonframework.springboot.TokenStoreProperties;
import org.negotiationledger.api.seal.Seal;
import org.negotiationledger.core.actor.Actor;
import org.negotiationledger.core.commitment.Commitment;
import org.negotiationledger.core.commitment.SupersessionPolicy;
import org.negotiationledger.core.negotiation.Negotiation;
import org.negotiationledger.core.statement.Statement;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;

/** How the write model runs inside Axon. */
@Configuration(proxyBeanMethods = false)
public class AxonConfig {

    /** The metadata key under which each event records who posted the command that caused it. */
    public static final String PRINCIPAL = Seal.PRINCIPAL;
    static final String SUPERSESSION = "supersession";

    /**
     * Events, commands and tokens as JSON. Its own mapper, independent of the HTTP one: the stored history must
     * stay readable whatever the API's strictness, so unknown properties (from a newer version) are tolerated.
     */
    @Bean
    @Primary
    public Serializer serializer() {
        JsonMapper mapper = JsonMapper.builder()
                .addModule(new JavaTimeModule())
                .addModule(new ParameterNamesModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .build();
        return JacksonSerializer.builder().objectMapper(mapper).build();
    }

    /**
     * Axon's JDBC token store, naming this server in its claims by {@code ledger.node-id} (default: process,
     * host and a random suffix). Axon's default name is the process and host only, which two servers in one
     * JVM share: both would then believe they hold the views' token and project the same events twice.
     */
    @Bean
    public TokenStore tokenStore(ConnectionProvider connections, Serializer serializer,
            TokenStoreProperties properties, @Value("${ledger.node-id:}") String nodeId) {
        String name = nodeId.isBlank()
                ? ManagementFactory.getRuntimeMXBean().getName() + "/" + UUID.randomUUID().toString().substring(0, 8)
                : nodeId;
        return JdbcTokenStore.builder().connectionProvider(connections).serializer(serializer)
                .schema(TokenSchema.builder().build())
                .claimTimeout(properties.getClaimTimeout()).nodeId(name).build();
    }

    /** The aggregates live in ledger-core, free of Spring annotations; they are registered here. */
    @Bean
    public ConfigurerModule aggregates() {
        return configurer -> configurer
                .configureAggregate(Actor.class)
                .configureAggregate(Negotiation.class)
                .configureAggregate(Commitment.class)
                .configureAggregate(Statement.class);
    }

    /**
     * The supersession policy runs in the publishing unit of work (a subscribing processor) and propagates
     * failures, so that a truce and the supersessions it implies are recorded in one transaction, or none.
     */
    @Bean
    public ConfigurerModule supersessionPolicy() {
        return configurer -> configurer.eventProcessing(processing -> processing
                .registerEventHandler(c -> new SupersessionPolicy(c.commandGateway()))
                .assignHandlerTypesMatching(SUPERSESSION, SupersessionPolicy.class::equals)
                .registerSubscribingEventProcessor(SUPERSESSION)
                .registerListenerInvocationErrorHandler(SUPERSESSION, c -> PropagatingErrorHandler.instance()));
    }

    @Bean
    public CorrelationDataProvider messageOrigin() {
        return new MessageOriginProvider();
    }

    /** Copies the authenticated principal from each command to the events it causes. */
    @Bean
    public CorrelationDataProvider principalAttribution() {
        return new SimpleCorrelationDataProvider(PRINCIPAL);
    }
}

package org.negotiationledger.api.config;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.fasterxml.jackson.module.paramnames.ParameterNamesModule;
import java.lang.management.ManagementFactory;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.AggregateConfigurer;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventhandling.tokenstore.jdbc.JdbcTokenStore;
import org.axonframework.eventhandling.tokenstore.jdbc.TokenSchema;
import org.axonframework.eventsourcing.AggregateFactory;
import org.axonframework.eventsourcing.AggregateSnapshotter;
import org.axonframework.eventsourcing.EventCountSnapshotTriggerDefinition;
import org.axonframework.eventsourcing.EventSourcingRepository;
import org.axonframework.eventsourcing.GenericAggregateFactory;
import org.axonframework.eventsourcing.NoSnapshotTriggerDefinition;
import org.axonframework.eventsourcing.SnapshotTriggerDefinition;
import org.axonframework.eventsourcing.Snapshotter;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.annotation.HandlerDefinition;
import org.axonframework.messaging.annotation.ParameterResolverFactory;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.axonframework.messaging.correlation.MessageOriginProvider;
import org.axonframework.messaging.correlation.SimpleCorrelationDataProvider;
import org.axonframework.modelling.command.RepositorySpanFactory;
import org.axonframework.modelling.command.inspection.AggregateModel;
import org.axonframework.modelling.command.inspection.AnnotatedAggregateMetaModelFactory;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.json.JacksonSerializer;
import org.axonframework.springboot.TokenStoreProperties;
import org.negotiationledger.api.storage.CheckedCachingRepository;
import org.negotiationledger.api.storage.LedgerSnapshotter;
import org.negotiationledger.api.storage.RecordCache;
import org.negotiationledger.api.storage.RecordStoreProperties;
import org.negotiationledger.api.upcasting.EventUpcasters;
import org.negotiationledger.core.actor.Actor;
import org.negotiationledger.core.commitment.Commitment;
import org.negotiationledger.core.commitment.SupersessionPolicy;
import org.negotiationledger.core.negotiation.Negotiation;
import org.negotiationledger.core.statement.Statement;
import org.negotiationledger.seal.Seal;
import org.negotiationledger.seal.SealingEventStorageEngine;
import org.springframework.beans.factory.ObjectProvider;
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
    public TokenStore tokenStore(
            ConnectionProvider connections,
            Serializer serializer,
            TokenStoreProperties properties,
            @Value("${ledger.node-id:}") String nodeId) {
        String name = nodeId.isBlank()
                ? ManagementFactory.getRuntimeMXBean().getName() + "/"
                        + UUID.randomUUID().toString().substring(0, 8)
                : nodeId;
        return JdbcTokenStore.builder()
                .connectionProvider(connections)
                .serializer(serializer)
                .schema(TokenSchema.builder().build())
                .claimTimeout(properties.getClaimTimeout())
                .nodeId(name)
                .build();
    }

    /**
     * The upcasters, through which the event store reads every stored event: an event type's stored shape
     * changes by raising its {@code @Revision} and adding one upcaster to {@link EventUpcasters}; the rows stored
     * before stay as they are (their seals cover them).
     */
    @Bean
    public ConfigurerModule upcasters() {
        return configurer -> EventUpcasters.all().forEach(upcaster -> configurer.registerEventUpcaster(c -> upcaster));
    }

    /** The kinds of record, each an event-sourced aggregate of ledger-core. */
    static final List<Class<?>> RECORDS = List.of(Actor.class, Negotiation.class, Commitment.class, Statement.class);

    /**
     * The aggregates live in ledger-core, free of Spring annotations; they are registered here, each with a
     * cache checked against the store ({@link CheckedCachingRepository}) and a snapshot every
     * {@code ledger.records.snapshot-every} events, so that a command on a record with a long history costs
     * what one on a new record costs.
     */
    @Bean
    public ConfigurerModule aggregates(
            RecordStoreProperties records,
            ObjectProvider<Snapshotter> snapshotter,
            ObjectProvider<SealingEventStorageEngine> events) {
        return configurer ->
                RECORDS.forEach(type -> configurer.configureAggregate(record(type, records, snapshotter, events)));
    }

    private static <A> AggregateConfigurer<A> record(
            Class<A> type,
            RecordStoreProperties records,
            ObjectProvider<Snapshotter> snapshotter,
            ObjectProvider<SealingEventStorageEngine> events) {
        Function<org.axonframework.config.Configuration, SnapshotTriggerDefinition> trigger =
                c -> records.snapshotEvery() == 0
                        ? NoSnapshotTriggerDefinition.INSTANCE
                        : new EventCountSnapshotTriggerDefinition(snapshotter.getObject(), records.snapshotEvery());
        AggregateConfigurer<A> aggregate =
                AggregateConfigurer.defaultConfiguration(type).configureSnapshotTrigger(trigger);
        if (records.cacheSize() == 0) {
            return aggregate;
        }
        RecordCache cache = new RecordCache(records.cacheSize(), records.cacheIdle());
        return aggregate.configureRepository(c -> new CheckedCachingRepository<>(
                EventSourcingRepository.builder(type)
                        .aggregateModel(model(type, c.parameterResolverFactory(), c.handlerDefinition(type)))
                        .snapshotTriggerDefinition(trigger.apply(c))
                        .repositoryProvider(c::repository)
                        .spanFactory(c.getComponent(RepositorySpanFactory.class)),
                cache,
                c.eventStore(),
                events.getObject()::hasEvent));
    }

    /**
     * Takes the snapshots once the command's transaction has committed, on a thread of its own: in the
     * command's thread Axon would still hold the committed transaction's connection, and the snapshot written
     * on it would never commit. Axon's Spring snapshotter finds aggregates among the Spring beans, which these
     * are not; this one is told them.
     */
    @Bean
    public LedgerSnapshotter snapshotter(
            EventStore eventStore,
            TransactionManager transactions,
            ParameterResolverFactory resolvers,
            HandlerDefinition handlers,
            ExecutorService snapshotThread) {
        return new LedgerSnapshotter(
                AggregateSnapshotter.builder()
                        .eventStore(eventStore)
                        .transactionManager(transactions)
                        .executor(snapshotThread)
                        .parameterResolverFactory(resolvers)
                        .handlerDefinition(handlers)
                        .aggregateFactories(RECORDS.stream()
                                .<AggregateFactory<?>>map(
                                        type -> new GenericAggregateFactory<>(model(type, resolvers, handlers)))
                                .toList()),
                RECORDS);
    }

    /**
     * One thread, a bounded queue, and a snapshot that finds it full is not taken: a snapshot only saves work,
     * the next one after as many events again takes its place.
     */
    @Bean(destroyMethod = "shutdown")
    public ExecutorService snapshotThread() {
        return new ThreadPoolExecutor(
                1,
                1,
                0,
                TimeUnit.SECONDS,
                new ArrayBlockingQueue<>(1_000),
                DaemonThreads.named("ledger-snapshots-"),
                new ThreadPoolExecutor.DiscardPolicy());
    }

    private static <A> AggregateModel<A> model(
            Class<A> type, ParameterResolverFactory resolvers, HandlerDefinition handlers) {
        return AnnotatedAggregateMetaModelFactory.inspectAggregate(type, resolvers, handlers);
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

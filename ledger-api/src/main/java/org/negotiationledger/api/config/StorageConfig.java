package org.negotiationledger.api.config;

import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.jdbc.PersistenceExceptionResolver;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.serialization.Serializer;
import org.negotiationledger.api.store.LedgerSnapshotter;
import org.negotiationledger.seal.SealingEventStorageEngine;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The event store: Axon's JDBC storage on the Flyway-managed tables, configured as Axon's auto-configuration
 * would, but sealing every event it appends.
 */
@Configuration(proxyBeanMethods = false)
public class StorageConfig {

    @Bean
    public SealingEventStorageEngine eventStorageEngine(
            Serializer serializer,
            PersistenceExceptionResolver exceptions,
            org.axonframework.config.Configuration axon,
            ConnectionProvider connections,
            TransactionManager transactions) {
        return new SealingEventStorageEngine(JdbcEventStorageEngine.builder()
                .snapshotSerializer(LedgerSnapshotter.serializer())
                .eventSerializer(serializer)
                .upcasterChain(axon.upcasterChain())
                .snapshotFilter(axon.snapshotFilter())
                .persistenceExceptionResolver(exceptions)
                .connectionProvider(connections)
                .transactionManager(transactions)
                .schema(EventSchema.builder().build()));
    }
}

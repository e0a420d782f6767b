package org.negotiationledger.api.config;

import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.jdbc.PersistenceExceptionResolver;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.serialization.Serializer;
import org.negotiationledger.api.storage.LedgerSnapshotter;
import org.negotiationledger.seal.SealingEventStorageEngine;
import org.negotiationledger.seal.events.EventTables;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.UncategorizedSQLException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.SQLExceptionTranslator;

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

    /**
     * Every other read of the event and token tables: on Spring's connections (so in the caller's transaction),
     * failing with the exceptions a {@link JdbcTemplate} raises, which health and the error answers know; payloads
     * read through the event store's upcasters, so that a rebuild folds what a command's record loads.
     */
    @Bean
    public EventTables eventTables(
            ConnectionProvider connections,
            Serializer serializer,
            org.axonframework.config.Configuration axon,
            TokenStore tokenStore,
            JdbcTemplate jdbc) {
        SQLExceptionTranslator translator = jdbc.getExceptionTranslator();
        return new EventTables(connections, serializer, axon.upcasterChain(), tokenStore, (sql, failure) -> {
            DataAccessException translated = translator.translate("reading the event tables", sql, failure);
            return translated != null
                    ? translated
                    : new UncategorizedSQLException("reading the event tables", sql, failure);
        });
    }
}

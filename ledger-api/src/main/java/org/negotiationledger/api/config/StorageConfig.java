package org.negotiationledger.api.config;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.PropertyAccessor;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.fasterxml.jackson.module.paramnames.ParameterNamesModule;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.jdbc.PersistenceExceptionResolver;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.json.JacksonSerializer;
import org.negotiationledger.api.seal.SealingEventStorageEngine;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The event store: Axon's JDBC storage on the Flyway-managed tables, configured as Axon's auto-configuration
 * would, but sealing every event it appends.
 */
@Configuration(proxyBeanMethods = false)
public class StorageConfig {

    @Bean
    public EventStorageEngine eventStorageEngine(Serializer serializer, PersistenceExceptionResolver exceptions,
            org.axonframework.config.Configuration axon, ConnectionProvider connections,
            TransactionManager transactions) {
        return new SealingEventStorageEngine(JdbcEventStorageEngine.builder()
                .snapshotSerializer(snapshotSerializer())
                .eventSerializer(serializer)
                .upcasterChain(axon.upcasterChain())
                .snapshotFilter(axon.snapshotFilter())
                .persistenceExceptionResolver(exceptions)
                .connectionProvider(connections)
                .transactionManager(transactions)
                .schema(EventSchema.builder().build()));
    }

    /**
     * Snapshots hold a record's state: the aggregate's fields, which have no getters, so they are written field
     * by field. The aggregate classes carry a {@code @Revision}; a snapshot of another revision is ignored.
     */
    static Serializer snapshotSerializer() {
        JsonMapper mapper = JsonMapper.builder()
                .addModule(new JavaTimeModule())
                .addModule(new ParameterNamesModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .visibility(PropertyAccessor.GETTER, JsonAutoDetect.Visibility.NONE)
                .visibility(PropertyAccessor.IS_GETTER, JsonAutoDetect.Visibility.NONE)
                .visibility(PropertyAccessor.FIELD, JsonAutoDetect.Visibility.ANY)
                .build();
        return JacksonSerializer.builder().objectMapper(mapper).build();
    }
}

package org.negotiationledger.api.storage;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.PropertyAccessor;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.fasterxml.jackson.module.paramnames.ParameterNamesModule;
import java.util.List;
import java.util.Optional;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.AggregateSnapshotter;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.json.JacksonSerializer;

/**
 * Axon's snapshotter, which can also say what a snapshot should hold: the state a record's events give up to a
 * sequence, folded by the aggregate's own event handlers. An audit compares stored snapshots with it.
 */
public class LedgerSnapshotter extends AggregateSnapshotter {

    private final List<Class<?>> records;

    public LedgerSnapshotter(AggregateSnapshotter.Builder builder, List<Class<?>> records) {
        super(builder);
        this.records = List.copyOf(records);
    }

    /**
     * How snapshots are written: the aggregate's fields, which have no getters, field by field. The aggregate
     * classes carry a {@code @Revision}; a snapshot of another revision is ignored.
     */
    public static Serializer serializer() {
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

    /** The kind of record a snapshot's stored type names, if it is one of the ledger's. */
    public Optional<Class<?>> recordType(String storedType) {
        return records.stream()
                .filter(type -> type.getName().equals(storedType))
                .findFirst();
    }

    /** The aggregate as its events up to {@code sequence} leave it; empty for a record without events. */
    public Optional<Object> stateAt(Class<?> type, String stream, long sequence) {
        DomainEventStream events = DomainEventStream.of(getEventStore()
                .readEvents(stream, 0)
                .asStream()
                .takeWhile(event -> event.getSequenceNumber() <= sequence));
        if (!events.hasNext()) {
            return Optional.empty();
        }
        DomainEventMessage<?> state = createSnapshot(type, stream, events);
        return Optional.ofNullable(state).map(DomainEventMessage::getPayload);
    }
}

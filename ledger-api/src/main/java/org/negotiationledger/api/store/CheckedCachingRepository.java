package org.negotiationledger.api.store;

import java.util.Objects;
import org.axonframework.common.caching.Cache;
import org.axonframework.eventsourcing.CachingEventSourcingRepository;
import org.axonframework.eventsourcing.EventSourcedAggregate;
import org.axonframework.eventsourcing.EventSourcingRepository;
import org.axonframework.eventsourcing.eventstore.EventStore;

/**
 * Axon's caching repository that never decides a command on a stale record. Several servers share one event
 * store, and a record cached here may have been written to by another since: before a cached record is used,
 * its version is compared with the last sequence number in the event store (one indexed look-up), and on a
 * difference it is dropped and loaded from the store (its snapshot and the events after it). A write that
 * races past the check still meets the store's unique key on (record, sequence) and is rolled back, and the
 * rollback drops the cached copy.
 */
public class CheckedCachingRepository<T> extends CachingEventSourcingRepository<T> {

    private final Cache cache;
    private final EventStore eventStore;

    public CheckedCachingRepository(EventSourcingRepository.Builder<T> builder, Cache cache, EventStore eventStore) {
        super(builder.cache(cache).eventStore(eventStore));
        this.cache = cache;
        this.eventStore = eventStore;
    }

    @Override
    protected EventSourcedAggregate<T> doLoadWithLock(String aggregateIdentifier, Long expectedVersion) {
        boolean cached = cache.containsKey(aggregateIdentifier);
        EventSourcedAggregate<T> aggregate = super.doLoadWithLock(aggregateIdentifier, expectedVersion);
        if (cached && !Objects.equals(aggregate.version(),
                eventStore.lastSequenceNumberFor(aggregateIdentifier).orElse(null))) {
            cache.remove(aggregateIdentifier);
            return super.doLoadWithLock(aggregateIdentifier, expectedVersion);
        }
        return aggregate;
    }
}

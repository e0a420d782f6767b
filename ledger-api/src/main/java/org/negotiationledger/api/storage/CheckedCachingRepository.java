package org.negotiationledger.api.storage;

import org.axonframework.common.caching.Cache;
import org.axonframework.eventsourcing.CachingEventSourcingRepository;
import org.axonframework.eventsourcing.EventSourcedAggregate;
import org.axonframework.eventsourcing.EventSourcingRepository;
import org.axonframework.eventsourcing.eventstore.EventStore;

/**
 * Axon's caching repository that never decides a command on a stale record. Several servers share one event
 * store, and a record cached here may have been written to by another since: before a cached record is used,
 * the store is asked whether the record has an event after its version (one look-up in the unique key of
 * record and sequence), and if so it is dropped and loaded from the store (its snapshot and the events after
 * it). A write that
 * races past the check still meets the store's unique key on (record, sequence) and is rolled back, and the
 * rollback drops the cached copy.
 */
public class CheckedCachingRepository<T> extends CachingEventSourcingRepository<T> {

    /** Whether a record has an event at a sequence. */
    @FunctionalInterface
    public interface Events {
        boolean exists(String aggregateIdentifier, long sequence);
    }

    private final Cache cache;
    private final Events events;

    public CheckedCachingRepository(
            EventSourcingRepository.Builder<T> builder, Cache cache, EventStore eventStore, Events events) {
        super(builder.cache(cache).eventStore(eventStore));
        this.cache = cache;
        this.events = events;
    }

    @Override
    protected EventSourcedAggregate<T> doLoadWithLock(String aggregateIdentifier, Long expectedVersion) {
        boolean cached = cache.containsKey(aggregateIdentifier);
        EventSourcedAggregate<T> aggregate = super.doLoadWithLock(aggregateIdentifier, expectedVersion);
        if (cached && events.exists(aggregateIdentifier, aggregate.version() == null ? 0 : aggregate.version() + 1)) {
            cache.remove(aggregateIdentifier);
            return super.doLoadWithLock(aggregateIdentifier, expectedVersion);
        }
        return aggregate;
    }
}

package org.negotiationledger.api.storage;

import java.util.Optional;
import java.util.Set;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.negotiationledger.core.commitment.PledgeMade;
import org.negotiationledger.core.commitment.TruceAgreed;
import org.negotiationledger.core.negotiation.NegotiationOpened;
import org.negotiationledger.core.shared.ActorId;
import org.negotiationledger.core.shared.CommitmentId;
import org.negotiationledger.core.shared.Directory;
import org.negotiationledger.core.shared.NegotiationId;
import org.negotiationledger.seal.SealingEventStorageEngine;
import org.springframework.stereotype.Component;

/**
 * Answers the write model's questions about other records from the event store itself: a record exists when
 * its stream does (one indexed look-up), and a negotiation's mediators are in its first event. No view is
 * consulted, so a command is never judged on a projection that lags. Streams are read from their first event,
 * not from a snapshot: a snapshot holds the aggregate's state, not the events asked about here.
 */
@Component
public class EventStoreDirectory implements Directory {

    private final EventStore eventStore;
    private final SealingEventStorageEngine events;

    public EventStoreDirectory(EventStore eventStore, SealingEventStorageEngine events) {
        this.eventStore = eventStore;
        this.events = events;
    }

    @Override
    public boolean actorExists(ActorId actor) {
        return streamExists(actor.toString());
    }

    @Override
    public boolean commitmentExists(CommitmentId commitment) {
        return streamExists(commitment.toString());
    }

    /**
     * From the commitment's first event, which names its negotiation; the rest of its stream is not read. No
     * stream, no first event: empty.
     */
    @Override
    public Optional<NegotiationId> commitmentNegotiation(CommitmentId commitment) {
        return eventStore
                .readEvents(commitment.toString(), 0)
                .asStream()
                .findFirst()
                .map(DomainEventMessage::getPayload)
                .map(first -> first instanceof TruceAgreed truce
                        ? truce.negotiationId()
                        : first instanceof PledgeMade pledge ? pledge.negotiationId() : null);
    }

    @Override
    public Optional<Set<ActorId>> negotiationMediators(NegotiationId negotiation) {
        if (!streamExists(negotiation.toString())) {
            return Optional.empty();
        }
        return eventStore
                .readEvents(negotiation.toString(), 0)
                .asStream()
                .map(DomainEventMessage::getPayload)
                .filter(NegotiationOpened.class::isInstance)
                .map(opened -> Set.copyOf(((NegotiationOpened) opened).mediators()))
                .findFirst();
    }

    public boolean streamExists(String streamKey) {
        return events.hasEvent(streamKey, 0);
    }
}

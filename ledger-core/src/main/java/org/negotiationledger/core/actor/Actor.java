package org.negotiationledger.core.actor;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;
import static org.negotiationledger.core.shared.RuleViolationException.check;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.negotiationledger.core.shared.ActorId;

/** An actor's stream: registered once; other records refer to it by id. */
public class Actor {

    @AggregateIdentifier
    private ActorId id;

    protected Actor() {
        // for event sourcing
    }

    @CommandHandler
    public Actor(RegisterActor command) {
        check(
                !command.id().isUnknown(),
                "id",
                "'unknown' is reserved for an accused party the reporter could not name");
        check(command.name() != null && !command.name().isBlank(), "name", "an actor needs a name");
        check(command.kind() != null, "kind", "an actor needs a kind");
        apply(new ActorRegistered(command.id(), command.name().strip(), command.kind()));
    }

    @EventSourcingHandler
    void on(ActorRegistered event) {
        id = event.id();
    }
}

package org.negotiationledger.core.negotiation;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;
import static org.negotiationledger.core.shared.RuleViolationException.check;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateLifecycle;
import org.axonframework.serialization.Revision;
import org.negotiationledger.core.shared.Directory;
import org.negotiationledger.core.shared.DuplicateRecordException;
import org.negotiationledger.core.shared.NegotiationId;
import org.negotiationledger.core.shared.Rules;
import org.negotiationledger.core.shared.TalksId;
import org.negotiationledger.core.shared.VersionConflictException;

/** A negotiation's stream: opened once, then a round of talks at a time. */
@Revision("1") // the layout of its snapshots: raise it when a field changes, and older snapshots are ignored
public class Negotiation {

    @AggregateIdentifier
    private NegotiationId id;

    private final Set<TalksId> talks = new HashSet<>();

    protected Negotiation() {
        // for event sourcing
    }

    @CommandHandler
    public Negotiation(OpenNegotiation command, Directory directory) {
        check(command.title() != null && !command.title().isBlank(), "title", "a negotiation needs a title");
        Rules.distinctKnownActors(command.parties(), "parties", 2, directory);
        Rules.distinctKnownActors(command.mediators(), "mediators", 0, directory);
        apply(new NegotiationOpened(command.id(), command.title().strip(), command.parties(), command.mediators()));
    }

    @CommandHandler
    public long handle(RecordTalks command, Directory directory) {
        VersionConflictException.expect(command.expectedVersion(), AggregateLifecycle.getVersion());
        if (talks.contains(command.talksId())) {
            throw new DuplicateRecordException(
                    "talks '" + command.talksId() + "' are already recorded in " + id.value());
        }
        check(command.venue() != null && !command.venue().isBlank(), "venue", "talks need a venue");
        check(command.startedAt() != null, "startedAt", "talks need a start time");
        check(
                command.endedAt() == null
                        || !command.endedAt()
                                .latest()
                                .isBefore(command.startedAt().earliest()),
                "endedAt",
                "talks cannot end before they started");
        Rules.happenedBy(command.startedAt(), command.receivedAt(), "startedAt", "talks");
        Rules.happenedBy(command.endedAt(), command.receivedAt(), "endedAt", "the end of talks");
        check(
                command.participants() != null && !command.participants().isEmpty(),
                "participants",
                "talks need at least one participant");
        Rules.distinctKnownActors(
                command.participants().stream().map(Participant::actor).toList(), "participants", 1, directory);
        check(
                command.participants().stream().allMatch(p -> p.role() != null),
                "participants",
                "every participant needs a role: PARTY, MEDIATOR or OBSERVER");
        apply(new TalksRecorded(
                command.negotiationId(),
                command.talksId(),
                command.venue().strip(),
                command.startedAt(),
                command.endedAt(),
                List.copyOf(command.participants()),
                command.outcome()));
        return AggregateLifecycle.getVersion();
    }

    @EventSourcingHandler
    void on(NegotiationOpened event) {
        id = event.id();
    }

    @EventSourcingHandler
    void on(TalksRecorded event) {
        talks.add(event.talksId());
    }
}

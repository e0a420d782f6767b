package org.negotiationledger.core.statement;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;
import static org.negotiationledger.core.shared.RuleViolationException.check;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.negotiationledger.core.shared.CommitmentId;
import org.negotiationledger.core.shared.Directory;
import org.negotiationledger.core.shared.NegotiationId;
import org.negotiationledger.core.shared.RecordId;
import org.negotiationledger.core.shared.Rules;
import org.negotiationledger.core.shared.StatementId;
import org.negotiationledger.core.shared.UnknownReferenceException;

/** A statement's stream: issued once; a correction is a new statement. */
public class Statement {

    @AggregateIdentifier
    private StatementId id;

    protected Statement() {
        // for event sourcing
    }

    @CommandHandler
    public Statement(IssueStatement command, Directory directory) {
        check(command.author() != null, "author", "a statement needs an author");
        Rules.knownActor(command.author(), "author", directory);
        check(command.issuedAt() != null, "issuedAt", "a statement needs the time it was issued");
        Rules.happenedBy(command.issuedAt(), command.receivedAt(), "issuedAt", "a statement");
        check(command.kinds() != null && !command.kinds().isEmpty(), "kinds", "a statement needs at least one kind");
        check(command.kinds().stream().allMatch(Objects::nonNull), "kinds", "a kind is missing");
        check(new HashSet<>(command.kinds()).size() == command.kinds().size(), "kinds", "a kind is named twice");
        check(command.text() != null && !command.text().isBlank(), "text", "a statement needs its text or a summary");
        List<String> concerns = command.concerns() == null ? List.of() : command.concerns();
        check(concerns.stream().allMatch(Objects::nonNull), "concerns", "an element is missing (null)");
        concerns = List.copyOf(concerns);
        check(new HashSet<>(concerns).size() == concerns.size(), "concerns", "a record is named twice");
        for (String concern : concerns) {
            boolean known = RecordId.isValid(concern)
                    && (directory.negotiationExists(new NegotiationId(concern))
                            || directory.commitmentExists(new CommitmentId(concern)));
            if (!known) {
                throw new UnknownReferenceException(
                        "concerns", "'" + concern + "' is neither a negotiation nor a commitment in the ledger");
            }
        }
        apply(new StatementIssued(
                command.id(),
                command.author(),
                command.deliveredBy(),
                command.issuedAt(),
                List.copyOf(command.kinds()),
                command.text(),
                concerns,
                command.source()));
    }

    @EventSourcingHandler
    void on(StatementIssued event) {
        id = event.id();
    }
}

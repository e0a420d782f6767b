package org.negotiationledger.core.statement;

import static org.negotiationledger.core.Refusals.assertRefused;
import static org.negotiationledger.core.TestDirectory.NK;
import static org.negotiationledger.core.Times.RECEIVED;
import static org.negotiationledger.core.Times.at;

import java.util.List;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.negotiationledger.core.TestDirectory;
import org.negotiationledger.core.shared.ActorId;
import org.negotiationledger.core.shared.CommitmentId;
import org.negotiationledger.core.shared.Precision;
import org.negotiationledger.core.shared.RuleViolationException;
import org.negotiationledger.core.shared.StatementId;
import org.negotiationledger.core.shared.UnknownReferenceException;

class StatementTest {

    private static final StatementId ID = new StatementId("unsg-2020-10-31");
    private static final ActorId AUTHOR = new ActorId("armenia");

    private AggregateTestFixture<Statement> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Statement.class);
        fixture.registerInjectableResource(new TestDirectory().withCommitment(new CommitmentId("geneva-2020-10-30")));
    }

    private static IssueStatement statement(ActorId author, List<StatementKind> kinds, List<String> concerns) {
        return new IssueStatement(
                ID,
                author,
                "Spokesperson",
                at("2020-10-31T00:00-04:00", Precision.DAY),
                kinds,
                "deeply concerned",
                concerns,
                null,
                RECEIVED);
    }

    @Test
    void canIssueStatementConcerningNegotiationsAndCommitments() {
        List<StatementKind> kinds = List.of(StatementKind.CONCERN, StatementKind.CALL);
        List<String> concerns = List.of(NK.value(), "geneva-2020-10-30");
        fixture.givenNoPriorActivity()
                .when(statement(AUTHOR, kinds, concerns))
                .expectEvents(new StatementIssued(
                        ID,
                        AUTHOR,
                        "Spokesperson",
                        at("2020-10-31T00:00-04:00", Precision.DAY),
                        kinds,
                        "deeply concerned",
                        concerns,
                        null));
    }

    @Test
    void cannotIssueStatementInTheFutureOfItsReceipt() {
        assertRefused(
                fixture.givenNoPriorActivity(),
                new IssueStatement(
                        ID,
                        AUTHOR,
                        null,
                        at("2150-01-01T00:00Z"),
                        List.of(StatementKind.CALL),
                        "x",
                        List.of(),
                        null,
                        RECEIVED),
                RuleViolationException.class,
                "in the future");
    }

    @Test
    void cannotIssueStatementByUnknownAuthor() {
        assertRefused(
                fixture.givenNoPriorActivity(),
                statement(new ActorId("atlantis"), List.of(StatementKind.CALL), List.of()),
                UnknownReferenceException.class,
                "unknown actor 'atlantis'");
    }

    @Test
    void cannotIssueStatementConcerningUnknownRecord() {
        assertRefused(
                fixture.givenNoPriorActivity(),
                statement(AUTHOR, List.of(StatementKind.CALL), List.of("nowhere")),
                UnknownReferenceException.class,
                "'nowhere' is neither a negotiation nor a commitment");
    }

    @Test
    void cannotIssueStatementWithoutKind() {
        assertRefused(
                fixture.givenNoPriorActivity(),
                statement(AUTHOR, List.of(), List.of()),
                RuleViolationException.class,
                "a statement needs at least one kind");
    }
}

package org.negotiationledger.core.actor;

import static org.negotiationledger.core.Refusals.assertRefused;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.negotiationledger.core.shared.ActorId;
import org.negotiationledger.core.shared.RuleViolationException;

class ActorTest {

    private AggregateTestFixture<Actor> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Actor.class);
    }

    @Test
    void canRegisterActor() {
        fixture.givenNoPriorActivity()
                .when(new RegisterActor(new ActorId("armenia"), " Republic of Armenia ", ActorKind.STATE))
                .expectEvents(new ActorRegistered(new ActorId("armenia"), "Republic of Armenia", ActorKind.STATE));
    }

    @Test
    void cannotRegisterTheReservedUnknownActor() {
        assertRefused(
                fixture.givenNoPriorActivity(),
                new RegisterActor(ActorId.UNKNOWN, "Unknown", ActorKind.OTHER),
                RuleViolationException.class,
                "reserved");
    }

    @Test
    void cannotRegisterActorWithoutName() {
        assertRefused(
                fixture.givenNoPriorActivity(),
                new RegisterActor(new ActorId("armenia"), "  ", ActorKind.STATE),
                RuleViolationException.class,
                "an actor needs a name");
    }
}

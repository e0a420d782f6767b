package org.negotiationledger.core.actor;

import static org.hamcrest.Matchers.containsString;

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
        fixture.givenNoPriorActivity()
                .when(new RegisterActor(ActorId.UNKNOWN, "Unknown", ActorKind.OTHER))
                .expectException(RuleViolationException.class)
                .expectExceptionMessage(containsString("reserved"))
                .expectNoEvents();
    }

    @Test
    void cannotRegisterActorWithoutName() {
        fixture.givenNoPriorActivity()
                .when(new RegisterActor(new ActorId("armenia"), "  ", ActorKind.STATE))
                .expectException(RuleViolationException.class)
                .expectNoEvents();
    }
}

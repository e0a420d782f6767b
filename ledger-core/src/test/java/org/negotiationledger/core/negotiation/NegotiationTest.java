package org.negotiationledger.core.negotiation;

import static org.negotiationledger.core.Refusals.assertRefused;
import static org.negotiationledger.core.TestDirectory.ARMENIA;
import static org.negotiationledger.core.TestDirectory.AZERBAIJAN;
import static org.negotiationledger.core.TestDirectory.FRANCE;
import static org.negotiationledger.core.TestDirectory.NK;
import static org.negotiationledger.core.TestDirectory.RUSSIA;
import static org.negotiationledger.core.TestDirectory.UNITED_STATES;
import static org.negotiationledger.core.Times.RECEIVED;
import static org.negotiationledger.core.Times.at;

import java.util.List;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.negotiationledger.core.TestDirectory;
import org.negotiationledger.core.shared.ActorId;
import org.negotiationledger.core.shared.DuplicateRecordException;
import org.negotiationledger.core.shared.RuleViolationException;
import org.negotiationledger.core.shared.TalksId;
import org.negotiationledger.core.shared.UnknownReferenceException;

class NegotiationTest {

    private static final NegotiationOpened OPENED = new NegotiationOpened(
            NK,
            "Nagorno-Karabakh conflict settlement",
            List.of(ARMENIA, AZERBAIJAN),
            List.of(RUSSIA, FRANCE, UNITED_STATES));
    private static final TalksId GENEVA = new TalksId("geneva-2020-10-30");

    private AggregateTestFixture<Negotiation> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Negotiation.class);
        fixture.registerInjectableResource(new TestDirectory());
    }

    private static OpenNegotiation open(List<ActorId> parties, List<ActorId> mediators) {
        return new OpenNegotiation(NK, "Nagorno-Karabakh conflict settlement", parties, mediators);
    }

    private static RecordTalks talks(List<Participant> participants) {
        return new RecordTalks(
                NK,
                GENEVA,
                "Geneva",
                at("2020-10-30T10:00+01:00"),
                at("2020-10-30T23:50+01:00"),
                participants,
                "pledge not to target civilians",
                RECEIVED,
                null);
    }

    @Test
    void canOpenNegotiationBetweenTwoKnownParties() {
        fixture.givenNoPriorActivity()
                .when(open(List.of(ARMENIA, AZERBAIJAN), List.of(RUSSIA, FRANCE, UNITED_STATES)))
                .expectEvents(OPENED);
    }

    @Test
    void cannotOpenNegotiationWithOneParty() {
        assertRefused(
                fixture.givenNoPriorActivity(),
                open(List.of(ARMENIA), List.of(RUSSIA)),
                RuleViolationException.class,
                "at least 2");
    }

    @Test
    void cannotOpenNegotiationWithTheSamePartyTwice() {
        assertRefused(
                fixture.givenNoPriorActivity(),
                open(List.of(ARMENIA, ARMENIA), List.of(RUSSIA)),
                RuleViolationException.class,
                "named twice");
    }

    @Test
    void cannotOpenNegotiationWithUnknownActor() {
        assertRefused(
                fixture.givenNoPriorActivity(),
                open(List.of(ARMENIA, new ActorId("atlantis")), List.of(RUSSIA)),
                UnknownReferenceException.class,
                "unknown actor 'atlantis'");
    }

    @Test
    void cannotOpenNegotiationWithUnknownMediator() {
        assertRefused(
                fixture.givenNoPriorActivity(),
                open(List.of(ARMENIA, AZERBAIJAN), List.of(new ActorId("atlantis"))),
                UnknownReferenceException.class,
                "unknown actor 'atlantis'");
    }

    @Test
    void canRecordTalksAndAnswerTheNewVersion() {
        List<Participant> participants = List.of(
                new Participant(ARMENIA, ParticipantRole.PARTY),
                new Participant(AZERBAIJAN, ParticipantRole.PARTY),
                new Participant(FRANCE, ParticipantRole.MEDIATOR));
        fixture.given(OPENED)
                .when(talks(participants))
                .expectEvents(new TalksRecorded(
                        NK,
                        GENEVA,
                        "Geneva",
                        at("2020-10-30T10:00+01:00"),
                        at("2020-10-30T23:50+01:00"),
                        participants,
                        "pledge not to target civilians"))
                .expectResultMessagePayload(1L);
    }

    @Test
    void cannotRecordTheSameTalksTwice() {
        List<Participant> participants = List.of(new Participant(ARMENIA, ParticipantRole.PARTY));
        assertRefused(
                fixture.given(
                        OPENED,
                        new TalksRecorded(
                                NK, GENEVA, "Geneva", at("2020-10-30T10:00+01:00"), null, participants, null)),
                talks(participants),
                DuplicateRecordException.class,
                "talks 'geneva-2020-10-30' are already recorded in nagorno-karabakh-2020");
    }

    @Test
    void cannotRecordTalksThatHaveNotBegun() {
        assertRefused(
                fixture.given(OPENED),
                new RecordTalks(
                        NK,
                        GENEVA,
                        "Geneva",
                        at("2021-03-01T10:00+01:00"),
                        null,
                        List.of(new Participant(ARMENIA, ParticipantRole.PARTY)),
                        null,
                        RECEIVED,
                        null),
                RuleViolationException.class,
                "in the future");
    }

    @Test
    void cannotRecordTalksThatEndBeforeTheyStart() {
        assertRefused(
                fixture.given(OPENED),
                new RecordTalks(
                        NK,
                        GENEVA,
                        "Geneva",
                        at("2020-10-30T10:00+01:00"),
                        at("2020-10-30T09:00+01:00"),
                        List.of(new Participant(ARMENIA, ParticipantRole.PARTY)),
                        null,
                        RECEIVED,
                        null),
                RuleViolationException.class,
                "cannot end before");
    }

    @Test
    void cannotRecordTalksWithUnknownParticipant() {
        assertRefused(
                fixture.given(OPENED),
                talks(List.of(new Participant(new ActorId("atlantis"), ParticipantRole.OBSERVER))),
                UnknownReferenceException.class,
                "unknown actor 'atlantis'");
    }
}

package org.negotiationledger.core.commitment;

import static org.negotiationledger.core.Refusals.assertRefused;
import static org.negotiationledger.core.TestDirectory.ARMENIA;
import static org.negotiationledger.core.TestDirectory.AZERBAIJAN;
import static org.negotiationledger.core.TestDirectory.FRANCE;
import static org.negotiationledger.core.TestDirectory.RUSSIA;
import static org.negotiationledger.core.Times.RECEIVED;
import static org.negotiationledger.core.Times.at;
import static org.negotiationledger.core.commitment.CommitmentTest.MOSCOW;
import static org.negotiationledger.core.commitment.CommitmentTest.TRILATERAL;

import java.util.List;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.negotiationledger.core.TestDirectory;
import org.negotiationledger.core.shared.ActorId;
import org.negotiationledger.core.shared.Precision;
import org.negotiationledger.core.shared.RuleViolationException;
import org.negotiationledger.core.shared.StatedTime;
import org.negotiationledger.core.shared.VersionConflictException;
import org.negotiationledger.core.shared.ViolationId;

/** A truce's expiry moved later by an extension: the same commitment runs on (docs/domain.md, "Extensions"). */
class ExtendingTrucesTest {

    /** A four-day pause from the 10th, brokered by Russia, due to expire on the 14th at noon. */
    static final StatedTime EXPIRES = at("2020-10-14T12:00+04:00");

    private AggregateTestFixture<Commitment> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Commitment.class);
        fixture.registerInjectableResource(new TestDirectory());
    }

    static TruceAgreed pause() {
        return TruceDraft.truce().brokers(RUSSIA).expiresAt(EXPIRES).agreed();
    }

    static ExtendCommitment extend(String expiresAt, String agreedAt, ActorId... agreedBy) {
        return new ExtendCommitment(
                MOSCOW,
                at(expiresAt),
                at(agreedAt),
                null,
                List.of(agreedBy),
                "UN News",
                "two more days",
                RECEIVED,
                null);
    }

    static CommitmentExtended extended(String expiresAt, String agreedAt, ActorId... agreedBy) {
        return new CommitmentExtended(
                MOSCOW, at(expiresAt), at(agreedAt), null, List.of(agreedBy), "UN News", "two more days");
    }

    @Test
    void canExtendATruceBeforeItExpires() {
        fixture.given(pause())
                .when(extend("2020-10-16T12:00+04:00", "2020-10-13T20:00+04:00", ARMENIA, AZERBAIJAN, RUSSIA))
                .expectEvents(extended("2020-10-16T12:00+04:00", "2020-10-13T20:00+04:00", ARMENIA, AZERBAIJAN, RUSSIA))
                .expectResultMessagePayload(1L);
    }

    @Test
    void canExtendAnExtendedTruceAgain() {
        fixture.given(pause(), extended("2020-10-16T12:00+04:00", "2020-10-13T20:00+04:00", RUSSIA))
                .when(extend("2020-10-17T12:00+04:00", "2020-10-15T20:00+04:00", RUSSIA))
                .expectEvents(extended("2020-10-17T12:00+04:00", "2020-10-15T20:00+04:00", RUSSIA));
    }

    @Test
    void canExtendWithAnAnnouncedTime() {
        StatedTime announced = at("2020-10-13T22:00+04:00");
        fixture.given(pause())
                .when(new ExtendCommitment(
                        MOSCOW,
                        at("2020-10-16T12:00+04:00"),
                        at("2020-10-13T00:00+04:00", Precision.DAY),
                        announced,
                        List.of(RUSSIA),
                        null,
                        null,
                        RECEIVED,
                        null))
                .expectEvents(new CommitmentExtended(
                        MOSCOW,
                        at("2020-10-16T12:00+04:00"),
                        at("2020-10-13T00:00+04:00", Precision.DAY),
                        announced,
                        List.of(RUSSIA),
                        null,
                        null));
    }

    @Test
    void canRecordAnExtensionAgreedBeforeACollapseRecordedEarlier() {
        // entered out of order: the collapse of the 15th was recorded first; the extension of the 13th held till then
        fixture.given(pause(), new CommitmentEnded(MOSCOW, EndReason.COLLAPSED, at("2020-10-15T06:00+04:00"), null))
                .when(extend("2020-10-16T12:00+04:00", "2020-10-13T20:00+04:00", RUSSIA))
                .expectEvents(extended("2020-10-16T12:00+04:00", "2020-10-13T20:00+04:00", RUSSIA));
    }

    @Test
    void cannotExtendAfterTheExpiryItWouldMove() {
        assertRefused(
                fixture.given(pause()),
                extend("2020-10-16T12:00+04:00", "2020-10-14T13:00+04:00", RUSSIA),
                RuleViolationException.class,
                "not before the expiry it would move (2020-10-14T08:00:00Z): a lapsed truce is renewed by a new truce");
    }

    @Test
    void cannotExtendAtTheVeryInstantOfTheExpiry() {
        assertRefused(
                fixture.given(pause()),
                extend("2020-10-16T12:00+04:00", "2020-10-14T12:00+04:00", RUSSIA),
                RuleViolationException.class,
                "a lapsed truce is renewed by a new truce");
    }

    @Test
    void canExtendWhenTheAgreedDayBeginsBeforeTheExpiry() {
        // stated to the day of the expiry: some instant of that day was before noon, which the interval allows
        fixture.given(pause())
                .when(new ExtendCommitment(
                        MOSCOW,
                        at("2020-10-16T12:00+04:00"),
                        at("2020-10-14T00:00+04:00", Precision.DAY),
                        null,
                        List.of(RUSSIA),
                        null,
                        null,
                        RECEIVED,
                        null))
                .expectEvents(new CommitmentExtended(
                        MOSCOW,
                        at("2020-10-16T12:00+04:00"),
                        at("2020-10-14T00:00+04:00", Precision.DAY),
                        null,
                        List.of(RUSSIA),
                        null,
                        null));
    }

    @Test
    void cannotExtendACommitmentThatHadEndedWhenTheExtensionWasAgreed() {
        assertRefused(
                fixture.given(
                        pause(), new CommitmentEnded(MOSCOW, EndReason.COLLAPSED, at("2020-10-12T06:00+04:00"), null)),
                extend("2020-10-16T12:00+04:00", "2020-10-13T20:00+04:00", RUSSIA),
                RuleViolationException.class,
                "the commitment had ended at 2020-10-12T02:00:00Z (COLLAPSED) when the extension was agreed");
    }

    @Test
    void cannotExtendACommitmentSupersededWhenTheExtensionWasAgreed() {
        assertRefused(
                fixture.given(pause(), new CommitmentSuperseded(MOSCOW, TRILATERAL, at("2020-10-12T00:00+04:00"))),
                extend("2020-10-16T12:00+04:00", "2020-10-13T20:00+04:00", RUSSIA),
                RuleViolationException.class,
                "(SUPERSEDED) when the extension was agreed");
    }

    @Test
    void cannotExtendToAnExpiryNotLaterThanTheCurrentOne() {
        assertRefused(
                fixture.given(pause()),
                extend("2020-10-14T12:00+04:00", "2020-10-13T20:00+04:00", RUSSIA),
                RuleViolationException.class,
                "is not later than the current expiry 2020-10-14T08:00:00Z");
    }

    @Test
    void cannotExtendToAnExpiryNotLaterThanTheLatestExtension() {
        assertRefused(
                fixture.given(pause(), extended("2020-10-16T12:00+04:00", "2020-10-13T20:00+04:00", RUSSIA)),
                extend("2020-10-15T12:00+04:00", "2020-10-13T21:00+04:00", RUSSIA),
                RuleViolationException.class,
                "is not later than the current expiry 2020-10-16T08:00:00Z");
    }

    @Test
    void cannotExtendATruceWithoutExpiry() {
        assertRefused(
                fixture.given(TruceDraft.truce().agreed()),
                extend("2020-10-16T12:00+04:00", "2020-10-13T20:00+04:00", ARMENIA),
                RuleViolationException.class,
                "the truce has no expiry to move");
    }

    @Test
    void cannotExtendAPledge() {
        StatedTime made = at("2020-10-30T12:00+01:00");
        assertRefused(
                fixture.given(new PledgeMade(
                        MOSCOW,
                        TestDirectory.NK,
                        PledgeKind.CIVILIAN_PROTECTION,
                        "Geneva pledge",
                        List.of(ARMENIA),
                        List.of(),
                        "Geneva",
                        made,
                        made,
                        List.of(),
                        null,
                        null)),
                extend("2020-11-16T12:00+04:00", "2020-11-13T20:00+04:00", ARMENIA),
                RuleViolationException.class,
                "a pledge has no expiry to move");
    }

    @Test
    void cannotBeAgreedByAnActorNeitherPartyNorBroker() {
        assertRefused(
                fixture.given(pause()),
                extend("2020-10-16T12:00+04:00", "2020-10-13T20:00+04:00", RUSSIA, FRANCE),
                RuleViolationException.class,
                "'france' is neither a party nor a broker of moscow-2020-10-10");
    }

    @Test
    void cannotBeAgreedByNobody() {
        assertRefused(
                fixture.given(pause()),
                extend("2020-10-16T12:00+04:00", "2020-10-13T20:00+04:00"),
                RuleViolationException.class,
                "an extension names who agreed it");
    }

    @Test
    void cannotNameAnAgreeingActorTwice() {
        assertRefused(
                fixture.given(pause()),
                extend("2020-10-16T12:00+04:00", "2020-10-13T20:00+04:00", RUSSIA, RUSSIA),
                RuleViolationException.class,
                "named twice");
    }

    @Test
    void cannotExtendWithoutTheNewExpiry() {
        assertRefused(
                fixture.given(pause()),
                new ExtendCommitment(
                        MOSCOW, null, at("2020-10-13T20:00+04:00"), null, List.of(RUSSIA), null, null, RECEIVED, null),
                RuleViolationException.class,
                "an extension needs the new expiry");
    }

    @Test
    void cannotExtendWithoutTheAgreedTime() {
        assertRefused(
                fixture.given(pause()),
                new ExtendCommitment(
                        MOSCOW, at("2020-10-16T12:00+04:00"), null, null, List.of(RUSSIA), null, null, RECEIVED, null),
                RuleViolationException.class,
                "an extension needs the time it was agreed");
    }

    @Test
    void cannotBeAgreedBeforeTheTruceWas() {
        assertRefused(
                fixture.given(pause()),
                extend("2020-10-16T12:00+04:00", "2020-10-09T20:00+04:00", RUSSIA),
                RuleViolationException.class,
                "before the truce was");
    }

    @Test
    void cannotBeAgreedInTheFutureOfItsReceipt() {
        TruceAgreed longPause =
                TruceDraft.truce().expiresAt(at("2021-06-01T00:00Z")).agreed();
        assertRefused(
                fixture.given(longPause),
                new ExtendCommitment(
                        MOSCOW,
                        at("2021-07-01T00:00Z"),
                        at("2021-02-01T00:00Z"),
                        null,
                        List.of(ARMENIA),
                        null,
                        null,
                        RECEIVED,
                        null),
                RuleViolationException.class,
                "future");
    }

    @Test
    void cannotBeAnnouncedInTheFutureOfItsReceipt() {
        assertRefused(
                fixture.given(pause()),
                new ExtendCommitment(
                        MOSCOW,
                        at("2020-10-16T12:00+04:00"),
                        at("2020-10-13T20:00+04:00"),
                        at("2021-02-01T00:00Z"),
                        List.of(RUSSIA),
                        null,
                        null,
                        RECEIVED,
                        null),
                RuleViolationException.class,
                "future");
    }

    @Test
    void cannotExtendAtAStaleExpectedVersion() {
        fixture.given(pause())
                .when(new ExtendCommitment(
                        MOSCOW,
                        at("2020-10-16T12:00+04:00"),
                        at("2020-10-13T20:00+04:00"),
                        null,
                        List.of(RUSSIA),
                        null,
                        null,
                        RECEIVED,
                        5L))
                .expectException(VersionConflictException.class)
                .expectNoEvents();
    }

    @Test
    void extendedTruceTakesReportsAfterTheOldExpiry() {
        ViolationId v1 = new ViolationId("v1");
        fixture.given(pause(), extended("2020-10-16T12:00+04:00", "2020-10-13T20:00+04:00", RUSSIA))
                .when(CommitmentTest.report(v1, ARMENIA, AZERBAIJAN, at("2020-10-15T06:00+04:00")))
                .expectEvents(CommitmentTest.reported(v1, ARMENIA, AZERBAIJAN, at("2020-10-15T06:00+04:00")));
    }

    @Test
    void extendedTruceRefusesReportsAfterTheNewExpiry() {
        assertRefused(
                fixture.given(pause(), extended("2020-10-16T12:00+04:00", "2020-10-13T20:00+04:00", RUSSIA)),
                CommitmentTest.report(new ViolationId("v1"), ARMENIA, AZERBAIJAN, at("2020-10-16T13:00+04:00")),
                RuleViolationException.class,
                "it ended at 2020-10-16T08:00:00Z (EXPIRED)");
    }
}

package org.negotiationledger.core.commitment;

import static org.negotiationledger.core.Refusals.assertRefused;
import static org.negotiationledger.core.TestDirectory.ARMED_GROUP;
import static org.negotiationledger.core.TestDirectory.ARMENIA;
import static org.negotiationledger.core.TestDirectory.AZERBAIJAN;
import static org.negotiationledger.core.TestDirectory.FRANCE;
import static org.negotiationledger.core.TestDirectory.ICRC;
import static org.negotiationledger.core.TestDirectory.NK;
import static org.negotiationledger.core.TestDirectory.OTHER;
import static org.negotiationledger.core.TestDirectory.RUSSIA;
import static org.negotiationledger.core.Times.RECEIVED;
import static org.negotiationledger.core.Times.at;

import java.time.Instant;
import java.util.List;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.negotiationledger.core.TestDirectory;
import org.negotiationledger.core.shared.ActorId;
import org.negotiationledger.core.shared.CommitmentId;
import org.negotiationledger.core.shared.DuplicateRecordException;
import org.negotiationledger.core.shared.NegotiationId;
import org.negotiationledger.core.shared.Precision;
import org.negotiationledger.core.shared.RecordNotFoundException;
import org.negotiationledger.core.shared.RuleViolationException;
import org.negotiationledger.core.shared.StatedTime;
import org.negotiationledger.core.shared.UnknownReferenceException;
import org.negotiationledger.core.shared.VersionConflictException;
import org.negotiationledger.core.shared.ViolationId;

class CommitmentTest {

    static final CommitmentId MOSCOW = new CommitmentId("moscow-2020-10-10");
    static final CommitmentId PARIS = new CommitmentId("paris-2020-10-17");
    static final CommitmentId TRILATERAL = new CommitmentId("trilateral-2020-11-10");
    static final CommitmentId GENEVA = new CommitmentId("geneva-2020-10-30");
    static final ViolationId V1 = new ViolationId("v1");
    static final StatedTime MOSCOW_AGREED = at("2020-10-10T03:00+03:00[Europe/Moscow]", Precision.HOUR);
    static final StatedTime MOSCOW_EFFECTIVE = at("2020-10-10T12:00+04:00[Asia/Baku]");

    /** The Moscow humanitarian ceasefire as the demo history has it. */
    static TruceDraft moscowDraft() {
        return TruceDraft.truce()
                .kind(TruceKind.HUMANITARIAN_CEASEFIRE)
                .title("Moscow humanitarian ceasefire")
                .brokers(RUSSIA)
                .venue("Moscow")
                .terms("exchange of prisoners and bodies")
                .source("UN News");
    }

    static AgreeTruce moscow() {
        return moscowDraft().agree();
    }

    static TruceAgreed moscowAgreed() {
        return moscowDraft().agreed();
    }

    static AgreeTruce truce(
            CommitmentId id,
            StatedTime agreed,
            StatedTime effective,
            StatedTime expires,
            CommitmentId renews,
            List<CommitmentId> supersedes) {
        return draft(id, agreed, effective, expires, renews, supersedes).agree();
    }

    /** A truce brokered by Russia, as a command ({@code agree()}) or as the event it records ({@code agreed()}). */
    static TruceDraft draft(
            CommitmentId id,
            StatedTime agreed,
            StatedTime effective,
            StatedTime expires,
            CommitmentId renews,
            List<CommitmentId> supersedes) {
        return TruceDraft.truce()
                .id(id)
                .title("a truce")
                .brokers(RUSSIA)
                .agreedAt(agreed)
                .effectiveFrom(effective)
                .expiresAt(expires)
                .renews(renews)
                .supersedes(supersedes);
    }

    static ReportViolation report(ViolationId id, ActorId by, ActorId accused, StatedTime occurred) {
        return report(id, by, accused, occurred, null);
    }

    /** A report over a range: sometime from {@code occurred} to {@code until}. */
    static ReportViolation report(ViolationId id, ActorId by, ActorId accused, StatedTime occurred, StatedTime until) {
        return new ReportViolation(
                MOSCOW,
                id,
                by,
                accused,
                occurred,
                until,
                new Location("Karakhanbeyli", null, null),
                "assault",
                null,
                "Armenian MoD",
                RECEIVED,
                null);
    }

    static ViolationReported reported(ViolationId id, ActorId by, ActorId accused, StatedTime occurred) {
        return reported(id, by, accused, occurred, null);
    }

    static ViolationReported reported(
            ViolationId id, ActorId by, ActorId accused, StatedTime occurred, StatedTime until) {
        return new ViolationReported(
                MOSCOW,
                id,
                by,
                accused,
                occurred,
                until,
                new Location("Karakhanbeyli", null, null),
                "assault",
                null,
                "Armenian MoD");
    }

    /** Moscow ended, as a mediator states it, without a note. */
    static EndCommitment end(EndReason reason, String endedAt) {
        return end(reason, endedAt, null);
    }

    static EndCommitment end(EndReason reason, String endedAt, Long expectedVersion) {
        return new EndCommitment(MOSCOW, reason, at(endedAt), null, RECEIVED, expectedVersion);
    }

    private AggregateTestFixture<Commitment> fixture;
    private TestDirectory directory;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Commitment.class);
        directory = new TestDirectory();
        fixture.registerInjectableResource(directory);
    }

    @Nested
    class AgreeingTruces {

        @Test
        void canAgreeTruceBetweenTwoParties() {
            fixture.givenNoPriorActivity().when(moscow()).expectEvents(moscowAgreed());
        }

        @Test
        void cannotAgreeTruceWithOneParty() {
            assertRefused(
                    fixture.givenNoPriorActivity(),
                    TruceDraft.truce().parties(ARMENIA).agree(),
                    RuleViolationException.class,
                    "at least 2 distinct actors");
        }

        @Test
        void cannotAgreeTruceWithTheSamePartyTwice() {
            assertRefused(
                    fixture.givenNoPriorActivity(),
                    TruceDraft.truce().parties(ARMENIA, ARMENIA).agree(),
                    RuleViolationException.class,
                    "named twice");
        }

        @Test
        void cannotAgreeTruceWithUnknownParty() {
            assertRefused(
                    fixture.givenNoPriorActivity(),
                    TruceDraft.truce().parties(ARMENIA, new ActorId("atlantis")).agree(),
                    UnknownReferenceException.class,
                    "unknown actor 'atlantis'");
        }

        @Test
        void cannotAgreeTruceWithUnknownBroker() {
            assertRefused(
                    fixture.givenNoPriorActivity(),
                    TruceDraft.truce().brokers(new ActorId("atlantis")).agree(),
                    UnknownReferenceException.class,
                    "unknown actor 'atlantis'");
        }

        @Test
        void cannotAgreeTruceInUnknownNegotiation() {
            assertRefused(
                    fixture.givenNoPriorActivity(),
                    TruceDraft.truce().in(new NegotiationId("elsewhere")).agree(),
                    UnknownReferenceException.class,
                    "unknown negotiation");
        }

        @Test
        void mayTakeEffectBeforeItWasAgreed() {
            // a ceasefire "from midnight" announced the next morning is retroactive, and sources record it so
            TruceDraft retroactive =
                    draft(MOSCOW, at("2020-10-10T09:00+04:00"), at("2020-10-10T00:00+04:00"), null, null, null);
            fixture.givenNoPriorActivity().when(retroactive.agree()).expectEvents(retroactive.agreed());
        }

        @Test
        void brokerMayAlsoBeAParty() {
            TruceDraft trilateral = TruceDraft.truce()
                    .id(TRILATERAL)
                    .parties(ARMENIA, AZERBAIJAN, RUSSIA)
                    .brokers(RUSSIA);
            fixture.givenNoPriorActivity().when(trilateral.agree()).expectEvents(trilateral.agreed());
        }

        @Test
        void cannotExpireBeforeTakingEffect() {
            assertRefused(
                    fixture.givenNoPriorActivity(),
                    truce(MOSCOW, MOSCOW_AGREED, MOSCOW_EFFECTIVE, at("2020-10-10T11:00+04:00"), null, null),
                    RuleViolationException.class,
                    "expire");
        }

        @Test
        void cannotAgreeTruceInTheFutureOfItsReceipt() {
            StatedTime tomorrow = at("2021-01-02T00:00Z");
            assertRefused(
                    fixture.givenNoPriorActivity(),
                    truce(PARIS, tomorrow, tomorrow, null, null, null),
                    RuleViolationException.class,
                    "in the future");
        }

        @Test
        void mayTakeEffectAndExpireInTheFutureOfItsReceipt() {
            TruceDraft future =
                    draft(PARIS, MOSCOW_AGREED, at("2021-01-02T00:00Z"), at("2021-02-01T00:00Z"), null, null);
            fixture.givenNoPriorActivity().when(future.agree()).expectEvents(future.agreed());
        }

        @Test
        void cannotRenewUnknownCommitment() {
            assertRefused(
                    fixture.givenNoPriorActivity(),
                    truce(PARIS, MOSCOW_AGREED, MOSCOW_EFFECTIVE, null, MOSCOW, null),
                    UnknownReferenceException.class,
                    "unknown commitment 'moscow-2020-10-10'");
        }

        @Test
        void canRenewKnownCommitment() {
            directory.withCommitment(MOSCOW);
            TruceDraft renewal = draft(PARIS, MOSCOW_AGREED, MOSCOW_EFFECTIVE, null, MOSCOW, null);
            fixture.givenNoPriorActivity()
                    .when(renewal.agree())
                    // the recorded event names the renewed commitment (it is compared field by field)
                    .expectEvents(renewal.agreed());
        }

        @Test
        void canRenewACommitmentThatHasEnded() {
            // Moscow broke down within minutes and Paris reaffirmed it a week later: a reaffirmation of a broken or
            // ended truce is a fact of the process. The renewal asks only that the renewed commitment exists in this
            // negotiation; whether it ended is its own record's, and the renewal does not bring it back into force.
            directory.withCommitment(MOSCOW);
            TruceDraft reaffirmation =
                    draft(PARIS, at("2020-10-17T20:00+04:00"), at("2020-10-18T00:00+04:00"), null, MOSCOW, null);
            fixture.givenNoPriorActivity().when(reaffirmation.agree()).expectEvents(reaffirmation.agreed());
        }

        @Test
        void cannotRenewACommitmentOfAnotherNegotiation() {
            directory.withCommitment(MOSCOW, OTHER);
            assertRefused(
                    fixture.givenNoPriorActivity(),
                    truce(PARIS, MOSCOW_AGREED, MOSCOW_EFFECTIVE, null, MOSCOW, null),
                    RuleViolationException.class,
                    "belongs to negotiation 'another-conflict'");
        }

        @Test
        void cannotSupersedeACommitmentOfAnotherNegotiation() {
            directory.withCommitment(MOSCOW, OTHER);
            assertRefused(
                    fixture.givenNoPriorActivity(),
                    truce(TRILATERAL, MOSCOW_AGREED, MOSCOW_EFFECTIVE, null, null, List.of(MOSCOW)),
                    RuleViolationException.class,
                    "only commitments of its own negotiation");
        }

        @Test
        void canSupersedeACommitmentOfItsOwnNegotiation() {
            directory.withCommitment(MOSCOW, NK);
            TruceDraft superseding = draft(TRILATERAL, MOSCOW_AGREED, MOSCOW_EFFECTIVE, null, null, List.of(MOSCOW));
            // the superseded record's own CommitmentSuperseded is recorded by the policy, on that record
            fixture.givenNoPriorActivity().when(superseding.agree()).expectEvents(superseding.agreed());
        }

        @Test
        void cannotSupersedeUnknownCommitment() {
            assertRefused(
                    fixture.givenNoPriorActivity(),
                    truce(TRILATERAL, MOSCOW_AGREED, MOSCOW_EFFECTIVE, null, null, List.of(MOSCOW)),
                    UnknownReferenceException.class,
                    "unknown commitment 'moscow-2020-10-10'");
        }

        @Test
        void cannotSupersedeItself() {
            directory.withCommitment(TRILATERAL);
            assertRefused(
                    fixture.givenNoPriorActivity(),
                    truce(TRILATERAL, MOSCOW_AGREED, MOSCOW_EFFECTIVE, null, null, List.of(TRILATERAL)),
                    RuleViolationException.class,
                    "itself");
        }

        @Test
        void cannotBothRenewAndSupersedeTheSameCommitment() {
            directory.withCommitment(MOSCOW);
            assertRefused(
                    fixture.givenNoPriorActivity(),
                    truce(PARIS, MOSCOW_AGREED, MOSCOW_EFFECTIVE, null, MOSCOW, List.of(MOSCOW)),
                    RuleViolationException.class,
                    "either renews 'moscow-2020-10-10' (which stays in force) or supersedes it");
        }

        @Test
        void canMakePledgeWithOneParty() {
            fixture.givenNoPriorActivity()
                    .when(geneva(PledgeKind.CIVILIAN_PROTECTION, GENEVA_MADE))
                    .expectEvents(new PledgeMade(
                            GENEVA,
                            NK,
                            PledgeKind.CIVILIAN_PROTECTION,
                            "Geneva pledge",
                            List.of(ARMENIA),
                            List.of(),
                            "Geneva",
                            GENEVA_MADE,
                            GENEVA_MADE,
                            List.of(),
                            null,
                            null));
        }

        @Test
        void canAgreeTruceAnnouncedHoursBeforeItsAgreement() {
            // the parties announced the pause in the evening; the text was signed at night
            TruceDraft announced = TruceDraft.truce().announcedAt(at("2020-10-09T21:00+04:00"));
            fixture.givenNoPriorActivity().when(announced.agree()).expectEvents(announced.agreed());
        }

        @Test
        void canAgreeTruceAnnouncedAfterItTookEffect() {
            // an announcement does not move when the truce takes effect: it is recorded as stated
            TruceDraft announced = TruceDraft.truce().announcedAt(at("2020-10-10T18:00+04:00"));
            fixture.givenNoPriorActivity().when(announced.agree()).expectEvents(announced.agreed());
        }

        @Test
        void cannotAgreeTruceAnnouncedInTheFutureOfItsReceipt() {
            assertRefused(
                    fixture.givenNoPriorActivity(),
                    TruceDraft.truce().announcedAt(at("2021-01-02T00:00Z")).agree(),
                    RuleViolationException.class,
                    "an announcement cannot be in the future");
        }

        @Test
        void canMakePledgeAnnouncedApartFromItsMaking() {
            StatedTime announced = at("2020-10-31T09:00+01:00");
            fixture.givenNoPriorActivity()
                    .when(geneva(PledgeKind.CIVILIAN_PROTECTION, GENEVA_MADE, announced))
                    .expectEvents(new PledgeMade(
                            GENEVA,
                            NK,
                            PledgeKind.CIVILIAN_PROTECTION,
                            "Geneva pledge",
                            List.of(ARMENIA),
                            List.of(),
                            "Geneva",
                            GENEVA_MADE,
                            GENEVA_MADE,
                            List.of(),
                            null,
                            announced));
        }

        @Test
        void cannotMakePledgeAnnouncedInTheFutureOfItsReceipt() {
            assertRefused(
                    fixture.givenNoPriorActivity(),
                    geneva(PledgeKind.CIVILIAN_PROTECTION, GENEVA_MADE, at("2021-01-01T00:01Z")),
                    RuleViolationException.class,
                    "an announcement cannot be in the future");
        }

        @Test
        void cannotMakePledgeWithoutAKind() {
            assertRefused(
                    fixture.givenNoPriorActivity(),
                    geneva(null, GENEVA_MADE),
                    RuleViolationException.class,
                    "a pledge needs a kind");
        }

        @Test
        void cannotMakePledgeInTheFutureOfItsReceipt() {
            assertRefused(
                    fixture.givenNoPriorActivity(),
                    geneva(PledgeKind.CIVILIAN_PROTECTION, at("2021-01-02T00:00Z")),
                    RuleViolationException.class,
                    "a pledge cannot be in the future");
        }
    }

    static final StatedTime GENEVA_MADE = at("2020-10-30T23:00+01:00");

    /** Armenia's pledge at Geneva, made and in effect at {@code made}. */
    static MakePledge geneva(PledgeKind kind, StatedTime made) {
        return geneva(kind, made, null);
    }

    /** The same, announced at {@code announced} (or not stated when null). */
    static MakePledge geneva(PledgeKind kind, StatedTime made, StatedTime announced) {
        return new MakePledge(
                GENEVA,
                kind,
                new Undertaking(
                        NK, "Geneva pledge", List.of(ARMENIA), List.of(), "Geneva", made, made, null, null, announced),
                RECEIVED);
    }

    @Nested
    class ReportingViolations {

        @Test
        void canReportViolationOverARangeThatBeganBeforeTheTruceTookEffect() {
            // sometime between 11:00 and 13:00: the range allows a breach after 12:00, as a coarse precision would
            fixture.given(moscowAgreed())
                    .when(report(V1, ARMENIA, AZERBAIJAN, at("2020-10-10T11:00+04:00"), at("2020-10-10T13:00+04:00")))
                    .expectEvents(reported(
                            V1, ARMENIA, AZERBAIJAN, at("2020-10-10T11:00+04:00"), at("2020-10-10T13:00+04:00")));
        }

        @Test
        void cannotReportARangeThatEndsBeforeItBegins() {
            assertRefused(
                    fixture.given(moscowAgreed()),
                    report(V1, ARMENIA, AZERBAIJAN, at("2020-10-10T13:00+04:00"), at("2020-10-10T12:30+04:00")),
                    RuleViolationException.class,
                    "a range cannot end (2020-10-10T12:30+04:00) before it begins (2020-10-10T13:00+04:00)");
        }

        @Test
        void cannotReportARangeThatEndedBeforeTheTruceTookEffect() {
            assertRefused(
                    fixture.given(moscowAgreed()),
                    report(V1, ARMENIA, AZERBAIJAN, at("2020-10-10T10:00+04:00"), at("2020-10-10T11:59+04:00")),
                    RuleViolationException.class,
                    "a violation cannot precede the commitment: it occurred 2020-10-10T10:00+04:00 to"
                            + " 2020-10-10T11:59+04:00");
        }

        @Test
        void cannotReportARangeEndingInTheFutureOfItsReceipt() {
            assertRefused(
                    fixture.given(moscowAgreed()),
                    report(V1, ARMENIA, AZERBAIJAN, at("2020-10-10T13:00+04:00"), at("2021-01-02T00:00Z")),
                    RuleViolationException.class,
                    "the end of a violation's range cannot be in the future");
        }

        @Test
        void canReportViolationAfterTruceTakesEffectAndAnswerTheNewVersion() {
            fixture.given(moscowAgreed())
                    .when(report(V1, ARMENIA, AZERBAIJAN, at("2020-10-10T12:05+04:00")))
                    .expectEvents(reported(V1, ARMENIA, AZERBAIJAN, at("2020-10-10T12:05+04:00")))
                    .expectResultMessagePayload(1L);
        }

        @Test
        void cannotReportViolationBeforeTruceTakesEffect() {
            assertRefused(
                    fixture.given(moscowAgreed()),
                    report(V1, ARMENIA, AZERBAIJAN, at("2020-10-10T11:55+04:00")),
                    RuleViolationException.class,
                    "cannot precede");
        }

        @Test
        void acceptsWeekPreciseReportOfTheWeekTheTruceTookEffectIn() {
            // an incident file's "week of 5 October": Monday 5 to Sunday 11 October reaches past the truce's start
            fixture.given(moscowAgreed())
                    .when(report(V1, AZERBAIJAN, ARMENIA, at("2020-10-05T00:00+04:00", Precision.WEEK)))
                    .expectEvents(reported(V1, AZERBAIJAN, ARMENIA, at("2020-10-05T00:00+04:00", Precision.WEEK)));
        }

        @Test
        void cannotReportMonthPreciseViolationOfTheMonthBeforeTheTruce() {
            assertRefused(
                    fixture.given(moscowAgreed()),
                    report(V1, AZERBAIJAN, ARMENIA, at("2020-09-15T00:00+04:00", Precision.MONTH)),
                    RuleViolationException.class,
                    "cannot precede the commitment: it occurred 2020-09-15T00:00+04:00 (MONTH)");
        }

        @Test
        void acceptsDayPreciseReportOnTheDayTheTruceTookEffect() {
            // Azerbaijan's claim of 10 October: the day reaches past 12:00, so the report stands
            fixture.given(moscowAgreed())
                    .when(report(V1, AZERBAIJAN, ARMENIA, at("2020-10-10T00:00+04:00", Precision.DAY)))
                    .expectEvents(reported(V1, AZERBAIJAN, ARMENIA, at("2020-10-10T00:00+04:00", Precision.DAY)));
        }

        @Test
        void cannotReportDayPreciseViolationOnTheDayBeforeTheTruce() {
            assertRefused(
                    fixture.given(moscowAgreed()),
                    report(V1, AZERBAIJAN, ARMENIA, at("2020-10-09T00:00+04:00", Precision.DAY)),
                    RuleViolationException.class,
                    "cannot precede the commitment: it occurred 2020-10-09T00:00+04:00 (DAY)");
        }

        @Test
        void canAccuseARegisteredActorWhoIsNotAParty() {
            // a spoiler: an armed group that signed nothing is blamed for the attack
            fixture.given(moscowAgreed())
                    .when(report(V1, ARMENIA, ARMED_GROUP, at("2020-10-10T12:05+04:00")))
                    .expectEvents(reported(V1, ARMENIA, ARMED_GROUP, at("2020-10-10T12:05+04:00")))
                    .expectResultMessagePayload(1L);
        }

        @Test
        void canAccuseTheBrokerOfTheTruce() {
            fixture.given(moscowAgreed())
                    .when(report(V1, ARMENIA, RUSSIA, at("2020-10-10T12:05+04:00")))
                    .expectEvents(reported(V1, ARMENIA, RUSSIA, at("2020-10-10T12:05+04:00")));
        }

        @Test
        void cannotAccuseAnUnregisteredActor() {
            assertRefused(
                    fixture.given(moscowAgreed()),
                    report(V1, ARMENIA, new ActorId("atlantis"), at("2020-10-10T12:05+04:00")),
                    UnknownReferenceException.class,
                    "unknown actor 'atlantis': register it first");
        }

        @Test
        void reporterCannotAccuseItself() {
            assertRefused(
                    fixture.given(moscowAgreed()),
                    report(V1, ARMENIA, ARMENIA, at("2020-10-10T12:05+04:00")),
                    RuleViolationException.class,
                    "cannot accuse itself");
        }

        @Test
        void canAccuseUnknownParty() {
            fixture.given(moscowAgreed())
                    .when(report(V1, ICRC, ActorId.UNKNOWN, at("2020-10-10T12:05+04:00")))
                    .expectEvents(reported(V1, ICRC, ActorId.UNKNOWN, at("2020-10-10T12:05+04:00")));
        }

        @Test
        void cannotReportFromUnknownActor() {
            assertRefused(
                    fixture.given(moscowAgreed()),
                    report(V1, new ActorId("atlantis"), ARMENIA, at("2020-10-10T12:05+04:00")),
                    UnknownReferenceException.class,
                    "unknown actor 'atlantis'");
        }

        @Test
        void cannotReportViolationInTheFutureOfItsRecordTime() {
            ReportViolation early = new ReportViolation(
                    MOSCOW,
                    V1,
                    ARMENIA,
                    AZERBAIJAN,
                    at("2020-10-10T12:05+04:00"),
                    null,
                    null,
                    null,
                    null,
                    null,
                    Instant.parse("2020-10-10T08:04:00Z"),
                    null);
            assertRefused(fixture.given(moscowAgreed()), early, RuleViolationException.class, "future");
        }

        @Test
        void cannotReportViolationAfterCommitmentEnded() {
            assertRefused(
                    fixture.given(
                            moscowAgreed(),
                            new CommitmentEnded(MOSCOW, EndReason.COLLAPSED, at("2020-10-11T00:00+04:00"), null)),
                    report(V1, ARMENIA, AZERBAIJAN, at("2020-10-11T00:05+04:00")),
                    RuleViolationException.class,
                    "no longer in force");
        }

        @Test
        void canReportViolationThatOccurredBeforeTheEndAfterTheEnd() {
            fixture.given(
                            moscowAgreed(),
                            new CommitmentEnded(MOSCOW, EndReason.COLLAPSED, at("2020-10-11T00:00+04:00"), null))
                    .when(report(V1, ARMENIA, AZERBAIJAN, at("2020-10-10T23:00+04:00")))
                    .expectEvents(reported(V1, ARMENIA, AZERBAIJAN, at("2020-10-10T23:00+04:00")));
        }

        @Test
        void canReportViolationAtTheVeryInstantTheCommitmentEnded() {
            // the rockets of 06:00 and the collapse they caused, both stated to that minute: the breach that ended it
            fixture.given(
                            moscowAgreed(),
                            new CommitmentEnded(MOSCOW, EndReason.COLLAPSED, at("2020-10-11T06:00+04:00"), null))
                    .when(report(V1, ARMENIA, AZERBAIJAN, at("2020-10-11T06:00+04:00")))
                    .expectEvents(reported(V1, ARMENIA, AZERBAIJAN, at("2020-10-11T06:00+04:00")));
        }

        @Test
        void canReportViolationAtTheVeryInstantTheTruceExpires() {
            TruceAgreed expiring =
                    TruceDraft.truce().expiresAt(at("2020-10-10T18:00+04:00")).agreed();
            fixture.given(expiring)
                    .when(report(V1, ARMENIA, AZERBAIJAN, at("2020-10-10T18:00+04:00")))
                    .expectEvents(reported(V1, ARMENIA, AZERBAIJAN, at("2020-10-10T18:00+04:00")));
        }

        @Test
        void cannotReportViolationAMinuteAfterTheCommitmentEnded() {
            assertRefused(
                    fixture.given(
                            moscowAgreed(),
                            new CommitmentEnded(MOSCOW, EndReason.COLLAPSED, at("2020-10-11T06:00+04:00"), null)),
                    report(V1, ARMENIA, AZERBAIJAN, at("2020-10-11T06:01+04:00")),
                    RuleViolationException.class,
                    "the commitment was no longer in force: it ended at 2020-10-11T02:00:00Z (COLLAPSED)");
        }

        @Test
        void cannotReportViolationAfterCommitmentExpired() {
            TruceAgreed expiring =
                    TruceDraft.truce().expiresAt(at("2020-10-10T18:00+04:00")).agreed();
            assertRefused(
                    fixture.given(expiring),
                    report(V1, ARMENIA, AZERBAIJAN, at("2020-10-10T18:30+04:00")),
                    RuleViolationException.class,
                    "EXPIRED");
        }

        @Test
        void cannotReportViolationAfterSupersedingTruceTookEffect() {
            assertRefused(
                    fixture.given(
                            moscowAgreed(), new CommitmentSuperseded(MOSCOW, TRILATERAL, at("2020-11-10T01:00+04:00"))),
                    report(V1, ARMENIA, AZERBAIJAN, at("2020-11-10T02:00+04:00")),
                    RuleViolationException.class,
                    "SUPERSEDED");
        }

        @Test
        void cannotReuseViolationId() {
            assertRefused(
                    fixture.given(moscowAgreed(), reported(V1, ARMENIA, AZERBAIJAN, at("2020-10-10T12:05+04:00"))),
                    report(V1, ARMENIA, AZERBAIJAN, at("2020-10-10T12:06+04:00")),
                    DuplicateRecordException.class,
                    "violation report 'v1' already exists on moscow-2020-10-10");
        }

        @Test
        void cannotClaimNegativeCasualties() {
            ReportViolation negative = new ReportViolation(
                    MOSCOW,
                    V1,
                    ARMENIA,
                    AZERBAIJAN,
                    at("2020-10-10T12:05+04:00"),
                    null,
                    null,
                    null,
                    new Casualties(-1, 0),
                    null,
                    RECEIVED,
                    null);
            assertRefused(fixture.given(moscowAgreed()), negative, RuleViolationException.class, "cannot be negative");
        }
    }

    @Nested
    class EndingCommitments {

        @Test
        void cannotEndCommitmentAtStaleExpectedVersion() {
            assertRefused(
                    fixture.given(moscowAgreed(), reported(V1, ARMENIA, AZERBAIJAN, at("2020-10-10T12:05+04:00"))),
                    end(EndReason.COLLAPSED, "2020-10-11T00:00+04:00", 0L),
                    VersionConflictException.class,
                    "expected version 0 but the record is at version 1");
        }

        @Test
        void canEndCommitmentAtCurrentExpectedVersion() {
            fixture.given(moscowAgreed(), reported(V1, ARMENIA, AZERBAIJAN, at("2020-10-10T12:05+04:00")))
                    .when(end(EndReason.COLLAPSED, "2020-10-11T00:00+04:00", 1L))
                    .expectResultMessagePayload(2L);
        }

        @Test
        void cannotAddressAVersionTheCommitmentHasNotReached() {
            assertRefused(
                    fixture.given(moscowAgreed()),
                    end(EndReason.COLLAPSED, "2020-10-11T00:00+04:00", 7L),
                    VersionConflictException.class,
                    "expected version 7 but the record is at version 0");
        }

        @Test
        void supersedingEndsTheSupersededCommitmentWhenTheNewOneTakesEffect() {
            fixture.given(moscowAgreed())
                    .when(new SupersedeCommitment(MOSCOW, TRILATERAL, at("2020-11-10T01:00+04:00")))
                    .expectEvents(new CommitmentSuperseded(MOSCOW, TRILATERAL, at("2020-11-10T01:00+04:00")));
        }

        @Test
        void supersededCommitmentStillTakesReportsOfViolationsBeforeTheSupersession() {
            fixture.given(moscowAgreed(), new CommitmentSuperseded(MOSCOW, TRILATERAL, at("2020-11-10T01:00+04:00")))
                    .when(report(V1, ARMENIA, AZERBAIJAN, at("2020-11-09T20:00+04:00")))
                    .expectEvents(reported(V1, ARMENIA, AZERBAIJAN, at("2020-11-09T20:00+04:00")));
        }

        @Test
        void canEndCommitment() {
            fixture.given(moscowAgreed())
                    .when(new EndCommitment(
                            MOSCOW,
                            EndReason.COLLAPSED,
                            at("2020-10-11T00:00+04:00"),
                            "fighting resumed",
                            RECEIVED,
                            null))
                    .expectEvents(new CommitmentEnded(
                            MOSCOW, EndReason.COLLAPSED, at("2020-10-11T00:00+04:00"), "fighting resumed"))
                    .expectResultMessagePayload(1L);
        }

        @Test
        void cannotEndCommitmentInTheFutureOfItsReceipt() {
            assertRefused(
                    fixture.given(moscowAgreed()),
                    end(EndReason.TERMINATED, "2021-06-01T00:00Z"),
                    RuleViolationException.class,
                    "expiresAt");
        }

        @Test
        void cannotEndCommitmentTwice() {
            assertRefused(
                    fixture.given(
                            moscowAgreed(),
                            new CommitmentEnded(MOSCOW, EndReason.COLLAPSED, at("2020-10-11T00:00+04:00"), null)),
                    end(EndReason.TERMINATED, "2020-10-12T00:00+04:00"),
                    RuleViolationException.class,
                    "already ended");
        }

        @Test
        void cannotEndCommitmentBeforeItWasAgreed() {
            assertRefused(
                    fixture.given(moscowAgreed()),
                    end(EndReason.TERMINATED, "2020-10-09T00:00+04:00"),
                    RuleViolationException.class,
                    "cannot end (2020-10-09T00:00+04:00) before it was agreed");
        }
    }

    @Nested
    class AssessingAndRetractingReports {

        private final ViolationReported reported = reported(V1, ARMENIA, AZERBAIJAN, at("2020-10-10T12:05+04:00"));

        /** The ICRC's finding on the report, two days after. */
        private AssessViolation assess(AssessmentOutcome outcome, ActorId attributedTo) {
            return assess(outcome, attributedTo, ICRC, "2020-10-12T10:00+04:00");
        }

        /** A finding by {@code assessor}, two days after. */
        private AssessViolation assessedBy(ActorId assessor, AssessmentOutcome outcome) {
            return assess(outcome, null, assessor, "2020-10-12T10:00+04:00");
        }

        private AssessViolation assess(
                AssessmentOutcome outcome, ActorId attributedTo, ActorId assessor, String assessedAt) {
            return new AssessViolation(
                    MOSCOW, V1, outcome, attributedTo, assessor, at(assessedAt), "seen", RECEIVED, null);
        }

        @Test
        void canConfirmReport() {
            fixture.given(moscowAgreed(), reported)
                    .when(assess(AssessmentOutcome.CONFIRMED, null))
                    .expectEvents(new ViolationAssessed(
                            MOSCOW, V1, AssessmentOutcome.CONFIRMED, null, ICRC, at("2020-10-12T10:00+04:00"), "seen"))
                    .expectResultMessagePayload(2L);
        }

        @Test
        void accusedPartyCannotAssessTheReportAgainstIt() {
            assertRefused(
                    fixture.given(moscowAgreed(), reported),
                    assessedBy(AZERBAIJAN, AssessmentOutcome.UNFOUNDED),
                    RuleViolationException.class,
                    "no stake");
        }

        @Test
        void aPartyCannotAssessEvenAReportItDidNotFile() {
            ViolationReported byRussia = reported(V1, RUSSIA, AZERBAIJAN, at("2020-10-10T12:05+04:00"));
            assertRefused(
                    fixture.given(moscowAgreed(), byRussia),
                    assessedBy(ARMENIA, AssessmentOutcome.CONFIRMED),
                    RuleViolationException.class,
                    "a party to moscow-2020-10-10");
        }

        @Test
        void reporterCannotAssessItsOwnReport() {
            ViolationReported byIcrc = reported(V1, ICRC, AZERBAIJAN, at("2020-10-10T12:05+04:00"));
            assertRefused(
                    fixture.given(moscowAgreed(), byIcrc),
                    assess(AssessmentOutcome.CONFIRMED, null),
                    RuleViolationException.class,
                    "its reporter");
        }

        @Test
        void anActorWithNoStakeCanAssess() {
            fixture.given(moscowAgreed(), reported)
                    .when(assessedBy(FRANCE, AssessmentOutcome.NOT_ATTRIBUTABLE))
                    .expectEvents(new ViolationAssessed(
                            MOSCOW,
                            V1,
                            AssessmentOutcome.NOT_ATTRIBUTABLE,
                            null,
                            FRANCE,
                            at("2020-10-12T10:00+04:00"),
                            "seen"));
        }

        @Test
        void canAttributeReportToAnotherPartyThanTheAccused() {
            fixture.given(moscowAgreed(), reported)
                    .when(assess(AssessmentOutcome.ATTRIBUTED, ARMENIA))
                    .expectEvents(new ViolationAssessed(
                            MOSCOW,
                            V1,
                            AssessmentOutcome.ATTRIBUTED,
                            ARMENIA,
                            ICRC,
                            at("2020-10-12T10:00+04:00"),
                            "seen"));
        }

        @Test
        void cannotAttributeReportWithoutNamingAParty() {
            assertRefused(
                    fixture.given(moscowAgreed(), reported),
                    assess(AssessmentOutcome.ATTRIBUTED, null),
                    RuleViolationException.class,
                    "an ATTRIBUTED finding names the party responsible");
        }

        @Test
        void accusedNonPartyCannotAssessTheReportAgainstIt() {
            assertRefused(
                    fixture.given(moscowAgreed(), reported(V1, ARMENIA, ARMED_GROUP, at("2020-10-10T12:05+04:00"))),
                    assessedBy(ARMED_GROUP, AssessmentOutcome.UNFOUNDED),
                    RuleViolationException.class,
                    "no stake in the report: 'armed-group' is its accused");
        }

        @Test
        void canConfirmAReportAgainstANonPartyAsFiled() {
            fixture.given(moscowAgreed(), reported(V1, ARMENIA, ARMED_GROUP, at("2020-10-10T12:05+04:00")))
                    .when(assess(AssessmentOutcome.CONFIRMED, null))
                    .expectEvents(new ViolationAssessed(
                            MOSCOW, V1, AssessmentOutcome.CONFIRMED, null, ICRC, at("2020-10-12T10:00+04:00"), "seen"));
        }

        @Test
        void canAttributeAReportAgainstANonPartyToAParty() {
            // the verifier finds a signatory fired, not the group it was blamed on: now a breach by the parties
            fixture.given(moscowAgreed(), reported(V1, ARMENIA, ARMED_GROUP, at("2020-10-10T12:05+04:00")))
                    .when(assess(AssessmentOutcome.ATTRIBUTED, AZERBAIJAN))
                    .expectEvents(new ViolationAssessed(
                            MOSCOW,
                            V1,
                            AssessmentOutcome.ATTRIBUTED,
                            AZERBAIJAN,
                            ICRC,
                            at("2020-10-12T10:00+04:00"),
                            "seen"));
        }

        @Test
        void cannotAttributeAReportToTheNonPartyItAccuses() {
            assertRefused(
                    fixture.given(moscowAgreed(), reported(V1, ARMENIA, ARMED_GROUP, at("2020-10-10T12:05+04:00"))),
                    assess(AssessmentOutcome.ATTRIBUTED, ARMED_GROUP),
                    RuleViolationException.class,
                    "'armed-group' is not a party to moscow-2020-10-10: an ATTRIBUTED finding names a party;"
                            + " a report against a non-party is CONFIRMED as filed");
        }

        @Test
        void cannotAttributeReportToANonParty() {
            assertRefused(
                    fixture.given(moscowAgreed(), reported),
                    assess(AssessmentOutcome.ATTRIBUTED, RUSSIA),
                    RuleViolationException.class,
                    "'russia' is not a party to moscow-2020-10-10");
        }

        @Test
        void cannotAssessUnknownReport() {
            assertRefused(
                    fixture.given(moscowAgreed()),
                    assess(AssessmentOutcome.CONFIRMED, null),
                    RecordNotFoundException.class,
                    "no violation report 'v1' on commitment moscow-2020-10-10");
        }

        @Test
        void cannotAssessRetractedReport() {
            assertRefused(
                    fixture.given(
                            moscowAgreed(), reported, new ViolationReportRetracted(MOSCOW, V1, ARMENIA, "mistaken")),
                    assess(AssessmentOutcome.CONFIRMED, null),
                    RuleViolationException.class,
                    "report 'v1' was retracted");
        }

        @Test
        void cannotAssessReportBeforeTheViolationOccurred() {
            assertRefused(
                    fixture.given(moscowAgreed(), reported),
                    assess(AssessmentOutcome.CONFIRMED, null, ICRC, "2020-10-10T12:00+04:00"),
                    RuleViolationException.class,
                    "cannot be assessed before the violation occurred");
        }

        @Test
        void reporterCanRetractReport() {
            fixture.given(moscowAgreed(), reported)
                    .when(new RetractViolationReport(MOSCOW, V1, ARMENIA, "mistaken identity", null))
                    .expectEvents(new ViolationReportRetracted(MOSCOW, V1, ARMENIA, "mistaken identity"));
        }

        @Test
        void mediatorOfTheNegotiationCanRetractReport() {
            fixture.given(moscowAgreed(), reported)
                    .when(new RetractViolationReport(MOSCOW, V1, FRANCE, "withdrawn after verification", null))
                    .expectEvents(new ViolationReportRetracted(MOSCOW, V1, FRANCE, "withdrawn after verification"));
        }

        @Test
        void accusedPartyCannotRetractReport() {
            assertRefused(
                    fixture.given(moscowAgreed(), reported),
                    new RetractViolationReport(MOSCOW, V1, AZERBAIJAN, "false", null),
                    RuleViolationException.class,
                    "only the reporter");
        }

        @Test
        void accusedBrokerCannotRetractTheReportAgainstIt() {
            assertRefused(
                    fixture.given(moscowAgreed(), reported(V1, ARMENIA, RUSSIA, at("2020-10-10T12:05+04:00"))),
                    new RetractViolationReport(MOSCOW, V1, RUSSIA, "we did not fire", null),
                    RuleViolationException.class,
                    "the accused cannot withdraw the report against it: 'russia' is accused");
        }

        @Test
        void accusedMediatorCannotRetractTheReportAgainstIt() {
            assertRefused(
                    fixture.given(moscowAgreed(), reported(V1, ARMENIA, FRANCE, at("2020-10-10T12:05+04:00"))),
                    new RetractViolationReport(MOSCOW, V1, FRANCE, "we did not fire", null),
                    RuleViolationException.class,
                    "the accused cannot withdraw the report against it: 'france' is accused");
        }

        @Test
        void cannotRetractUnknownReport() {
            assertRefused(
                    fixture.given(moscowAgreed()),
                    new RetractViolationReport(MOSCOW, V1, ARMENIA, "mistaken", null),
                    RecordNotFoundException.class,
                    "no violation report 'v1' on commitment moscow-2020-10-10");
        }

        @Test
        void cannotRetractReportTwice() {
            assertRefused(
                    fixture.given(
                            moscowAgreed(), reported, new ViolationReportRetracted(MOSCOW, V1, ARMENIA, "mistaken")),
                    new RetractViolationReport(MOSCOW, V1, ARMENIA, "again", null),
                    RuleViolationException.class,
                    "report 'v1' was already retracted");
        }
    }
}

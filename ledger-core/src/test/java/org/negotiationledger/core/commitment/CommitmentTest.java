package org.negotiationledger.core.commitment;

import static org.hamcrest.Matchers.containsString;
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
        return TruceDraft.truce()
                .id(id)
                .title("a truce")
                .brokers(RUSSIA)
                .agreedAt(agreed)
                .effectiveFrom(effective)
                .expiresAt(expires)
                .renews(renews)
                .supersedes(supersedes)
                .agree();
    }

    static ReportViolation report(ViolationId id, ActorId by, ActorId accused, StatedTime occurred) {
        return new ReportViolation(
                MOSCOW,
                id,
                by,
                accused,
                occurred,
                new Location("Karakhanbeyli", null, null),
                "assault",
                null,
                "Armenian MoD",
                RECEIVED,
                null);
    }

    static ViolationReported reported(ViolationId id, ActorId by, ActorId accused, StatedTime occurred) {
        return new ViolationReported(
                MOSCOW,
                id,
                by,
                accused,
                occurred,
                new Location("Karakhanbeyli", null, null),
                "assault",
                null,
                "Armenian MoD");
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
            fixture.givenNoPriorActivity()
                    .when(TruceDraft.truce().parties(ARMENIA).agree())
                    .expectException(RuleViolationException.class)
                    .expectExceptionMessage(containsString("at least 2 distinct actors"))
                    .expectNoEvents();
        }

        @Test
        void cannotAgreeTruceWithTheSamePartyTwice() {
            fixture.givenNoPriorActivity()
                    .when(TruceDraft.truce().parties(ARMENIA, ARMENIA).agree())
                    .expectException(RuleViolationException.class)
                    .expectExceptionMessage(containsString("named twice"))
                    .expectNoEvents();
        }

        @Test
        void cannotAgreeTruceWithUnknownParty() {
            fixture.givenNoPriorActivity()
                    .when(TruceDraft.truce()
                            .parties(ARMENIA, new ActorId("atlantis"))
                            .agree())
                    .expectException(UnknownReferenceException.class)
                    .expectNoEvents();
        }

        @Test
        void cannotAgreeTruceWithUnknownBroker() {
            fixture.givenNoPriorActivity()
                    .when(TruceDraft.truce().brokers(new ActorId("atlantis")).agree())
                    .expectException(UnknownReferenceException.class)
                    .expectNoEvents();
        }

        @Test
        void cannotAgreeTruceInUnknownNegotiation() {
            fixture.givenNoPriorActivity()
                    .when(TruceDraft.truce().in(new NegotiationId("elsewhere")).agree())
                    .expectException(UnknownReferenceException.class)
                    .expectExceptionMessage(containsString("unknown negotiation"))
                    .expectNoEvents();
        }

        @Test
        void mayTakeEffectBeforeItWasAgreed() {
            // a ceasefire "from midnight" announced the next morning is retroactive, and sources record it so
            fixture.givenNoPriorActivity()
                    .when(truce(MOSCOW, at("2020-10-10T09:00+04:00"), at("2020-10-10T00:00+04:00"), null, null, null))
                    .expectSuccessfulHandlerExecution();
        }

        @Test
        void brokerMayAlsoBeAParty() {
            fixture.givenNoPriorActivity()
                    .when(TruceDraft.truce()
                            .id(TRILATERAL)
                            .parties(ARMENIA, AZERBAIJAN, RUSSIA)
                            .brokers(RUSSIA)
                            .agree())
                    .expectSuccessfulHandlerExecution();
        }

        @Test
        void cannotExpireBeforeTakingEffect() {
            fixture.givenNoPriorActivity()
                    .when(truce(MOSCOW, MOSCOW_AGREED, MOSCOW_EFFECTIVE, at("2020-10-10T11:00+04:00"), null, null))
                    .expectException(RuleViolationException.class)
                    .expectExceptionMessage(containsString("expire"))
                    .expectNoEvents();
        }

        @Test
        void cannotAgreeTruceInTheFutureOfItsReceipt() {
            StatedTime tomorrow = at("2021-01-02T00:00Z");
            fixture.givenNoPriorActivity()
                    .when(truce(PARIS, tomorrow, tomorrow, null, null, null))
                    .expectException(RuleViolationException.class)
                    .expectExceptionMessage(containsString("in the future"))
                    .expectNoEvents();
        }

        @Test
        void mayTakeEffectAndExpireInTheFutureOfItsReceipt() {
            fixture.givenNoPriorActivity()
                    .when(truce(PARIS, MOSCOW_AGREED, at("2021-01-02T00:00Z"), at("2021-02-01T00:00Z"), null, null))
                    .expectSuccessfulHandlerExecution();
        }

        @Test
        void cannotRenewUnknownCommitment() {
            fixture.givenNoPriorActivity()
                    .when(truce(PARIS, MOSCOW_AGREED, MOSCOW_EFFECTIVE, null, MOSCOW, null))
                    .expectException(UnknownReferenceException.class)
                    .expectExceptionMessage(containsString("unknown commitment 'moscow-2020-10-10'"))
                    .expectNoEvents();
        }

        @Test
        void canRenewKnownCommitment() {
            directory.withCommitment(MOSCOW);
            fixture.givenNoPriorActivity()
                    .when(truce(PARIS, MOSCOW_AGREED, MOSCOW_EFFECTIVE, null, MOSCOW, null))
                    .expectSuccessfulHandlerExecution();
        }

        @Test
        void cannotRenewACommitmentOfAnotherNegotiation() {
            directory.withCommitment(MOSCOW, OTHER);
            fixture.givenNoPriorActivity()
                    .when(truce(PARIS, MOSCOW_AGREED, MOSCOW_EFFECTIVE, null, MOSCOW, null))
                    .expectException(RuleViolationException.class)
                    .expectExceptionMessage(containsString("belongs to negotiation 'another-conflict'"))
                    .expectNoEvents();
        }

        @Test
        void cannotSupersedeACommitmentOfAnotherNegotiation() {
            directory.withCommitment(MOSCOW, OTHER);
            fixture.givenNoPriorActivity()
                    .when(truce(TRILATERAL, MOSCOW_AGREED, MOSCOW_EFFECTIVE, null, null, List.of(MOSCOW)))
                    .expectException(RuleViolationException.class)
                    .expectExceptionMessage(containsString("only commitments of its own negotiation"))
                    .expectNoEvents();
        }

        @Test
        void canSupersedeACommitmentOfItsOwnNegotiation() {
            directory.withCommitment(MOSCOW, NK);
            fixture.givenNoPriorActivity()
                    .when(truce(TRILATERAL, MOSCOW_AGREED, MOSCOW_EFFECTIVE, null, null, List.of(MOSCOW)))
                    .expectSuccessfulHandlerExecution();
        }

        @Test
        void cannotSupersedeUnknownCommitment() {
            fixture.givenNoPriorActivity()
                    .when(truce(TRILATERAL, MOSCOW_AGREED, MOSCOW_EFFECTIVE, null, null, List.of(MOSCOW)))
                    .expectException(UnknownReferenceException.class)
                    .expectNoEvents();
        }

        @Test
        void cannotSupersedeItself() {
            directory.withCommitment(TRILATERAL);
            fixture.givenNoPriorActivity()
                    .when(truce(TRILATERAL, MOSCOW_AGREED, MOSCOW_EFFECTIVE, null, null, List.of(TRILATERAL)))
                    .expectException(RuleViolationException.class)
                    .expectExceptionMessage(containsString("itself"))
                    .expectNoEvents();
        }

        @Test
        void cannotBothRenewAndSupersedeTheSameCommitment() {
            directory.withCommitment(MOSCOW);
            fixture.givenNoPriorActivity()
                    .when(truce(PARIS, MOSCOW_AGREED, MOSCOW_EFFECTIVE, null, MOSCOW, List.of(MOSCOW)))
                    .expectException(RuleViolationException.class)
                    .expectNoEvents();
        }

        @Test
        void canMakePledgeWithOneParty() {
            MakePledge pledge = new MakePledge(
                    GENEVA,
                    NK,
                    PledgeKind.CIVILIAN_PROTECTION,
                    "Geneva pledge",
                    List.of(ARMENIA),
                    List.of(),
                    "Geneva",
                    at("2020-10-30T23:00+01:00"),
                    at("2020-10-30T23:00+01:00"),
                    null,
                    null,
                    RECEIVED);
            fixture.givenNoPriorActivity()
                    .when(pledge)
                    .expectEvents(new PledgeMade(
                            GENEVA,
                            NK,
                            PledgeKind.CIVILIAN_PROTECTION,
                            "Geneva pledge",
                            List.of(ARMENIA),
                            List.of(),
                            "Geneva",
                            at("2020-10-30T23:00+01:00"),
                            at("2020-10-30T23:00+01:00"),
                            List.of(),
                            null));
        }
    }

    @Nested
    class ReportingViolations {

        @Test
        void canReportViolationAfterTruceTakesEffectAndAnswerTheNewVersion() {
            fixture.given(moscowAgreed())
                    .when(report(V1, ARMENIA, AZERBAIJAN, at("2020-10-10T12:05+04:00")))
                    .expectEvents(reported(V1, ARMENIA, AZERBAIJAN, at("2020-10-10T12:05+04:00")))
                    .expectResultMessagePayload(1L);
        }

        @Test
        void cannotReportViolationBeforeTruceTakesEffect() {
            fixture.given(moscowAgreed())
                    .when(report(V1, ARMENIA, AZERBAIJAN, at("2020-10-10T11:55+04:00")))
                    .expectException(RuleViolationException.class)
                    .expectExceptionMessage(containsString("cannot precede"))
                    .expectNoEvents();
        }

        @Test
        void acceptsDayPreciseReportOnTheDayTheTruceTookEffect() {
            // Azerbaijan's claim of 10 October: the day reaches past 12:00, so the report stands
            fixture.given(moscowAgreed())
                    .when(report(V1, AZERBAIJAN, ARMENIA, at("2020-10-10T00:00+04:00", Precision.DAY)))
                    .expectSuccessfulHandlerExecution();
        }

        @Test
        void cannotReportDayPreciseViolationOnTheDayBeforeTheTruce() {
            fixture.given(moscowAgreed())
                    .when(report(V1, AZERBAIJAN, ARMENIA, at("2020-10-09T00:00+04:00", Precision.DAY)))
                    .expectException(RuleViolationException.class)
                    .expectNoEvents();
        }

        @Test
        void cannotAccuseActorWhoIsNotAParty() {
            fixture.given(moscowAgreed())
                    .when(report(V1, ARMENIA, RUSSIA, at("2020-10-10T12:05+04:00")))
                    .expectException(RuleViolationException.class)
                    .expectExceptionMessage(containsString("not a party"))
                    .expectNoEvents();
        }

        @Test
        void reporterCannotAccuseItself() {
            fixture.given(moscowAgreed())
                    .when(report(V1, ARMENIA, ARMENIA, at("2020-10-10T12:05+04:00")))
                    .expectException(RuleViolationException.class)
                    .expectExceptionMessage(containsString("cannot accuse itself"))
                    .expectNoEvents();
        }

        @Test
        void canAccuseUnknownParty() {
            fixture.given(moscowAgreed())
                    .when(report(V1, ICRC, ActorId.UNKNOWN, at("2020-10-10T12:05+04:00")))
                    .expectSuccessfulHandlerExecution();
        }

        @Test
        void cannotReportFromUnknownActor() {
            fixture.given(moscowAgreed())
                    .when(report(V1, new ActorId("atlantis"), ARMENIA, at("2020-10-10T12:05+04:00")))
                    .expectException(UnknownReferenceException.class)
                    .expectNoEvents();
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
                    Instant.parse("2020-10-10T08:04:00Z"),
                    null);
            fixture.given(moscowAgreed())
                    .when(early)
                    .expectException(RuleViolationException.class)
                    .expectExceptionMessage(containsString("future"))
                    .expectNoEvents();
        }

        @Test
        void cannotReportViolationAfterCommitmentEnded() {
            fixture.given(
                            moscowAgreed(),
                            new CommitmentEnded(MOSCOW, EndReason.COLLAPSED, at("2020-10-11T00:00+04:00"), null))
                    .when(report(V1, ARMENIA, AZERBAIJAN, at("2020-10-11T00:05+04:00")))
                    .expectException(RuleViolationException.class)
                    .expectExceptionMessage(containsString("no longer in force"))
                    .expectNoEvents();
        }

        @Test
        void canReportViolationThatOccurredBeforeTheEndAfterTheEnd() {
            fixture.given(
                            moscowAgreed(),
                            new CommitmentEnded(MOSCOW, EndReason.COLLAPSED, at("2020-10-11T00:00+04:00"), null))
                    .when(report(V1, ARMENIA, AZERBAIJAN, at("2020-10-10T23:00+04:00")))
                    .expectSuccessfulHandlerExecution();
        }

        @Test
        void cannotReportViolationAfterCommitmentExpired() {
            TruceAgreed expiring =
                    TruceDraft.truce().expiresAt(at("2020-10-10T18:00+04:00")).agreed();
            fixture.given(expiring)
                    .when(report(V1, ARMENIA, AZERBAIJAN, at("2020-10-10T18:30+04:00")))
                    .expectException(RuleViolationException.class)
                    .expectExceptionMessage(containsString("EXPIRED"))
                    .expectNoEvents();
        }

        @Test
        void cannotReportViolationAfterSupersedingTruceTookEffect() {
            fixture.given(moscowAgreed(), new CommitmentSuperseded(MOSCOW, TRILATERAL, at("2020-11-10T01:00+04:00")))
                    .when(report(V1, ARMENIA, AZERBAIJAN, at("2020-11-10T02:00+04:00")))
                    .expectException(RuleViolationException.class)
                    .expectExceptionMessage(containsString("SUPERSEDED"))
                    .expectNoEvents();
        }

        @Test
        void cannotReuseViolationId() {
            fixture.given(moscowAgreed(), reported(V1, ARMENIA, AZERBAIJAN, at("2020-10-10T12:05+04:00")))
                    .when(report(V1, ARMENIA, AZERBAIJAN, at("2020-10-10T12:06+04:00")))
                    .expectException(DuplicateRecordException.class)
                    .expectNoEvents();
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
                    new Casualties(-1, 0),
                    null,
                    RECEIVED,
                    null);
            fixture.given(moscowAgreed())
                    .when(negative)
                    .expectException(RuleViolationException.class)
                    .expectNoEvents();
        }
    }

    @Nested
    class EndingCommitments {

        @Test
        void cannotEndCommitmentAtStaleExpectedVersion() {
            fixture.given(moscowAgreed(), reported(V1, ARMENIA, AZERBAIJAN, at("2020-10-10T12:05+04:00")))
                    .when(new EndCommitment(
                            MOSCOW, EndReason.COLLAPSED, at("2020-10-11T00:00+04:00"), null, RECEIVED, 0L))
                    .expectException(VersionConflictException.class)
                    .expectNoEvents();
        }

        @Test
        void canEndCommitmentAtCurrentExpectedVersion() {
            fixture.given(moscowAgreed(), reported(V1, ARMENIA, AZERBAIJAN, at("2020-10-10T12:05+04:00")))
                    .when(new EndCommitment(
                            MOSCOW, EndReason.COLLAPSED, at("2020-10-11T00:00+04:00"), null, RECEIVED, 1L))
                    .expectResultMessagePayload(2L);
        }

        @Test
        void cannotAddressAVersionTheCommitmentHasNotReached() {
            fixture.given(moscowAgreed())
                    .when(new EndCommitment(
                            MOSCOW, EndReason.COLLAPSED, at("2020-10-11T00:00+04:00"), null, RECEIVED, 7L))
                    .expectException(VersionConflictException.class)
                    .expectNoEvents();
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
                    .expectSuccessfulHandlerExecution();
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
            fixture.given(moscowAgreed())
                    .when(new EndCommitment(
                            MOSCOW, EndReason.TERMINATED, at("2021-06-01T00:00Z"), null, RECEIVED, null))
                    .expectException(RuleViolationException.class)
                    .expectExceptionMessage(containsString("expiresAt"))
                    .expectNoEvents();
        }

        @Test
        void cannotEndCommitmentTwice() {
            fixture.given(
                            moscowAgreed(),
                            new CommitmentEnded(MOSCOW, EndReason.COLLAPSED, at("2020-10-11T00:00+04:00"), null))
                    .when(new EndCommitment(
                            MOSCOW, EndReason.TERMINATED, at("2020-10-12T00:00+04:00"), null, RECEIVED, null))
                    .expectException(RuleViolationException.class)
                    .expectExceptionMessage(containsString("already ended"))
                    .expectNoEvents();
        }

        @Test
        void cannotEndCommitmentBeforeItWasAgreed() {
            fixture.given(moscowAgreed())
                    .when(new EndCommitment(
                            MOSCOW, EndReason.TERMINATED, at("2020-10-09T00:00+04:00"), null, RECEIVED, null))
                    .expectException(RuleViolationException.class)
                    .expectNoEvents();
        }
    }

    @Nested
    class AssessingAndRetractingReports {

        private final ViolationReported reported = reported(V1, ARMENIA, AZERBAIJAN, at("2020-10-10T12:05+04:00"));

        private AssessViolation assess(AssessmentOutcome outcome, ActorId attributedTo) {
            return new AssessViolation(
                    MOSCOW, V1, outcome, attributedTo, ICRC, at("2020-10-12T10:00+04:00"), "seen", RECEIVED, null);
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
            fixture.given(moscowAgreed(), reported)
                    .when(new AssessViolation(
                            MOSCOW,
                            V1,
                            AssessmentOutcome.UNFOUNDED,
                            null,
                            AZERBAIJAN,
                            at("2020-10-12T10:00+04:00"),
                            "never happened",
                            RECEIVED,
                            null))
                    .expectException(RuleViolationException.class)
                    .expectExceptionMessage(containsString("no stake"))
                    .expectNoEvents();
        }

        @Test
        void aPartyCannotAssessEvenAReportItDidNotFile() {
            ViolationReported byRussia = reported(V1, RUSSIA, AZERBAIJAN, at("2020-10-10T12:05+04:00"));
            fixture.given(moscowAgreed(), byRussia)
                    .when(new AssessViolation(
                            MOSCOW,
                            V1,
                            AssessmentOutcome.CONFIRMED,
                            null,
                            ARMENIA,
                            at("2020-10-12T10:00+04:00"),
                            null,
                            RECEIVED,
                            null))
                    .expectException(RuleViolationException.class)
                    .expectExceptionMessage(containsString("a party to moscow-2020-10-10"))
                    .expectNoEvents();
        }

        @Test
        void reporterCannotAssessItsOwnReport() {
            ViolationReported byIcrc = reported(V1, ICRC, AZERBAIJAN, at("2020-10-10T12:05+04:00"));
            fixture.given(moscowAgreed(), byIcrc)
                    .when(assess(AssessmentOutcome.CONFIRMED, null))
                    .expectException(RuleViolationException.class)
                    .expectExceptionMessage(containsString("its reporter"))
                    .expectNoEvents();
        }

        @Test
        void anActorWithNoStakeCanAssess() {
            fixture.given(moscowAgreed(), reported)
                    .when(new AssessViolation(
                            MOSCOW,
                            V1,
                            AssessmentOutcome.NOT_ATTRIBUTABLE,
                            null,
                            FRANCE,
                            at("2020-10-12T10:00+04:00"),
                            null,
                            RECEIVED,
                            null))
                    .expectSuccessfulHandlerExecution();
        }

        @Test
        void canAttributeReportToAnotherPartyThanTheAccused() {
            fixture.given(moscowAgreed(), reported)
                    .when(assess(AssessmentOutcome.ATTRIBUTED, ARMENIA))
                    .expectSuccessfulHandlerExecution();
        }

        @Test
        void cannotAttributeReportWithoutNamingAParty() {
            fixture.given(moscowAgreed(), reported)
                    .when(assess(AssessmentOutcome.ATTRIBUTED, null))
                    .expectException(RuleViolationException.class)
                    .expectNoEvents();
        }

        @Test
        void cannotAttributeReportToANonParty() {
            fixture.given(moscowAgreed(), reported)
                    .when(assess(AssessmentOutcome.ATTRIBUTED, RUSSIA))
                    .expectException(RuleViolationException.class)
                    .expectNoEvents();
        }

        @Test
        void cannotAssessUnknownReport() {
            fixture.given(moscowAgreed())
                    .when(assess(AssessmentOutcome.CONFIRMED, null))
                    .expectException(RecordNotFoundException.class)
                    .expectNoEvents();
        }

        @Test
        void cannotAssessRetractedReport() {
            fixture.given(moscowAgreed(), reported, new ViolationReportRetracted(MOSCOW, V1, ARMENIA, "mistaken"))
                    .when(assess(AssessmentOutcome.CONFIRMED, null))
                    .expectException(RuleViolationException.class)
                    .expectNoEvents();
        }

        @Test
        void cannotAssessReportBeforeTheViolationOccurred() {
            fixture.given(moscowAgreed(), reported)
                    .when(new AssessViolation(
                            MOSCOW,
                            V1,
                            AssessmentOutcome.CONFIRMED,
                            null,
                            ICRC,
                            at("2020-10-10T12:00+04:00"),
                            null,
                            RECEIVED,
                            null))
                    .expectException(RuleViolationException.class)
                    .expectNoEvents();
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
                    .expectSuccessfulHandlerExecution();
        }

        @Test
        void accusedPartyCannotRetractReport() {
            fixture.given(moscowAgreed(), reported)
                    .when(new RetractViolationReport(MOSCOW, V1, AZERBAIJAN, "false", null))
                    .expectException(RuleViolationException.class)
                    .expectExceptionMessage(containsString("only the reporter"))
                    .expectNoEvents();
        }

        @Test
        void cannotRetractUnknownReport() {
            fixture.given(moscowAgreed())
                    .when(new RetractViolationReport(MOSCOW, V1, ARMENIA, "mistaken", null))
                    .expectException(RecordNotFoundException.class)
                    .expectNoEvents();
        }

        @Test
        void cannotRetractReportTwice() {
            fixture.given(moscowAgreed(), reported, new ViolationReportRetracted(MOSCOW, V1, ARMENIA, "mistaken"))
                    .when(new RetractViolationReport(MOSCOW, V1, ARMENIA, "again", null))
                    .expectException(RuleViolationException.class)
                    .expectNoEvents();
        }
    }
}

package org.negotiationledger.projections.fold;

import static org.assertj.core.api.Assertions.assertThat;
import static org.negotiationledger.projections.fold.History.ARMED_GROUP;
import static org.negotiationledger.projections.fold.History.ARMENIA;
import static org.negotiationledger.projections.fold.History.AZERBAIJAN;
import static org.negotiationledger.projections.fold.History.at;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Test;
import org.negotiationledger.core.commitment.AssessmentOutcome;
import org.negotiationledger.core.commitment.EndReason;
import org.negotiationledger.core.shared.ActorId;
import org.negotiationledger.core.shared.Precision;
import org.negotiationledger.projections.fold.CommitmentView.Status;

class CommitmentViewsTest {

    private static final Instant LATER = Instant.parse("2030-01-01T00:00:00Z");

    private static CommitmentView view(History history, String id, Instant at) {
        return CommitmentViews.at(history.fold().commitments().get(id), at).orElseThrow();
    }

    private static History moscowWithTwoReports() {
        return new History()
                .negotiation()
                .truce("moscow", "2020-10-10T12:00+04:00", null, null)
                .report("moscow", "first", ARMENIA, AZERBAIJAN, at("2020-10-10T12:05+04:00"))
                .report("moscow", "second", AZERBAIJAN, ARMENIA, at("2020-10-10T12:30+04:00"));
    }

    @Test
    void anAnnouncementStatedApartFromTheAgreementIsKeptAndDoesNotMoveWhenTheTruceTakesEffect() {
        History history = new History()
                .negotiation()
                .truce("pause", "2020-10-10T12:00+04:00", null, null, at("2020-10-10T18:00+04:00", Precision.HOUR))
                .report("pause", "first", ARMENIA, AZERBAIJAN, at("2020-10-10T12:05+04:00"));
        CommitmentView pause = view(history, "pause", LATER);
        assertThat(pause.agreement().announcedAt()).isEqualTo(at("2020-10-10T18:00+04:00", Precision.HOUR));
        // in effect, and broken, from its effective time, hours before it was announced
        assertThat(pause.minutesToFirstViolation()).isEqualTo(5);
        assertThat(view(history, "pause", Instant.parse("2020-10-10T08:01:00Z")).status())
                .isEqualTo(Status.HOLDING);
        assertThat(view(moscowWithTwoReports(), "moscow", LATER).agreement().announcedAt())
                .isNull();
    }

    @Test
    void aRangedReportCountsFromTheLatestInstantOfItsRangeForOrderAndTimeToBreak() {
        History history = new History()
                .negotiation()
                .truce("moscow", "2020-10-10T12:00+04:00", null, null)
                .report(
                        "moscow",
                        "ranged",
                        ARMENIA,
                        AZERBAIJAN,
                        at("2020-10-10T12:01+04:00"),
                        at("2020-10-10T13:00+04:00"))
                .report("moscow", "later", AZERBAIJAN, ARMENIA, at("2020-10-10T12:30+04:00"));
        CommitmentView moscow = view(history, "moscow", LATER);
        // the range's start is before the other report, its end after: the end counts
        assertThat(moscow.firstViolation().violationId()).isEqualTo("later");
        assertThat(moscow.minutesToFirstViolation()).isEqualTo(30);

        CommitmentView alone = view(history.retract("moscow", "later"), "moscow", LATER);
        assertThat(alone.firstViolation().violationId()).isEqualTo("ranged");
        assertThat(alone.firstViolationAtUtc()).isEqualTo(Instant.parse("2020-10-10T09:00:00Z"));
        assertThat(alone.minutesToFirstViolation()).isEqualTo(60);
        // not violated before the range's end, as a report stated to the hour would not be
        assertThat(view(history, "moscow", Instant.parse("2020-10-10T08:20:00Z"))
                        .status())
                .isEqualTo(Status.HOLDING);
    }

    @Test
    void firstViolationIsTheEarliestStandingReportAndTimeToBreakCountsFromTakingEffect() {
        CommitmentView moscow = view(moscowWithTwoReports(), "moscow", LATER);
        assertThat(moscow.status()).isEqualTo(Status.VIOLATED);
        assertThat(moscow.firstViolationAtUtc()).isEqualTo(Instant.parse("2020-10-10T08:05:00Z"));
        assertThat(moscow.minutesToFirstViolation()).isEqualTo(5);
        assertThat(moscow.reports()).isEqualTo(new CommitmentView.ReportCounts(2, 0, 0, 0));
        assertThat(moscow.standingReportsByAccused())
                .containsEntry("azerbaijan", 1)
                .containsEntry("armenia", 1);
    }

    @Test
    void retractedFirstReportStopsCountingAndTheNextStandingReportBecomesFirst() {
        CommitmentView moscow = view(moscowWithTwoReports().retract("moscow", "first"), "moscow", LATER);
        assertThat(moscow.firstViolation().violationId()).isEqualTo("second");
        assertThat(moscow.minutesToFirstViolation()).isEqualTo(30);
        assertThat(moscow.reports()).isEqualTo(new CommitmentView.ReportCounts(1, 0, 1, 0));
    }

    @Test
    void unfoundedReportStopsCountingLikeARetraction() {
        CommitmentView moscow = view(
                moscowWithTwoReports()
                        .assess("moscow", "first", AssessmentOutcome.UNFOUNDED)
                        .assess("moscow", "second", AssessmentOutcome.UNFOUNDED),
                "moscow",
                LATER);
        assertThat(moscow.status()).isEqualTo(Status.HOLDING);
        assertThat(moscow.firstViolationAtUtc()).isNull();
        assertThat(moscow.reports()).isEqualTo(new CommitmentView.ReportCounts(0, 0, 0, 2));
    }

    @Test
    void confirmedAndAttributedReportsCountAsConfirmedAndShowOnTheFirstViolation() {
        CommitmentView moscow = view(
                moscowWithTwoReports()
                        .assess("moscow", "first", AssessmentOutcome.ATTRIBUTED)
                        .assess("moscow", "second", AssessmentOutcome.CONFIRMED),
                "moscow",
                LATER);
        assertThat(moscow.reports().confirmed()).isEqualTo(2);
        assertThat(moscow.firstViolation().assessment()).isEqualTo("ATTRIBUTED");
    }

    @Test
    void impreciseReportCountsAtTheLatestInstantOfItsDay() {
        History history = new History()
                .negotiation()
                .truce("moscow", "2020-10-10T12:00+04:00", null, null)
                .report("moscow", "day", AZERBAIJAN, ARMENIA, at("2020-10-10T00:00+04:00", Precision.DAY))
                .report("moscow", "minute", ARMENIA, AZERBAIJAN, at("2020-10-10T12:05+04:00"));
        CommitmentView moscow = view(history, "moscow", LATER);
        assertThat(moscow.firstViolation().violationId()).isEqualTo("minute");
        CommitmentView alone = view(
                new History()
                        .negotiation()
                        .truce("moscow", "2020-10-10T12:00+04:00", null, null)
                        .report("moscow", "day", AZERBAIJAN, ARMENIA, at("2020-10-10T00:00+04:00", Precision.DAY)),
                "moscow",
                LATER);
        assertThat(alone.firstViolationAtUtc()).isEqualTo(Instant.parse("2020-10-10T19:59:00Z"));
    }

    @Test
    void statusIsJudgedAtTheValidTimeAsked() {
        History history = new History()
                .negotiation()
                .truce("paris", "2020-10-18T00:00+04:00", "2020-10-25T00:00+04:00", null)
                .report("paris", "v", ARMENIA, AZERBAIJAN, at("2020-10-18T00:04+04:00"));
        assertThat(view(history, "paris", Instant.parse("2020-10-17T12:00:00Z")).status())
                .isEqualTo(Status.PENDING);
        assertThat(view(history, "paris", at("2020-10-18T00:03+04:00").utc()).status())
                .isEqualTo(Status.HOLDING);
        assertThat(view(history, "paris", at("2020-10-18T00:05+04:00").utc()).status())
                .isEqualTo(Status.VIOLATED);
        CommitmentView expired = view(history, "paris", LATER);
        assertThat(expired.status()).isEqualTo(Status.ENDED);
        assertThat(expired.endedReason()).isEqualTo("EXPIRED");
        assertThat(expired.minutesToFirstViolation())
                .as("the first violation is kept after the end")
                .isEqualTo(4);
        assertThat(CommitmentViews.at(history.fold().commitments().get("paris"), Instant.parse("2020-10-09T00:00:00Z")))
                .as("not yet agreed")
                .isEmpty();
    }

    @Test
    void supersessionEndsAtTheNewTrucesEffectiveTimeAndAnExplicitEarlierEndWins() {
        History history = new History()
                .negotiation()
                .truce("moscow", "2020-10-10T12:00+04:00", null, null)
                .truce("trilateral", "2020-11-10T01:00+04:00", null, null)
                .supersede("moscow", "trilateral", "2020-11-10T01:00+04:00");
        CommitmentView before =
                view(history, "moscow", at("2020-11-10T00:59+04:00").utc());
        assertThat(before.status()).isEqualTo(Status.HOLDING);
        CommitmentView after = view(history, "moscow", LATER);
        assertThat(after.status()).isEqualTo(Status.ENDED);
        assertThat(after.endedReason()).isEqualTo("SUPERSEDED");
        assertThat(after.supersededBy()).isEqualTo("trilateral");
        CommitmentView collapsed =
                view(history.end("moscow", EndReason.COLLAPSED, "2020-10-11T00:00+04:00"), "moscow", LATER);
        assertThat(collapsed.endedReason()).isEqualTo("COLLAPSED");
        assertThat(collapsed.endedAtUtc()).isEqualTo(Instant.parse("2020-10-10T20:00:00Z"));
    }

    @Test
    void anExplicitEndAtTheInstantOfTheExpiryNamesTheReasonFromThatInstant() {
        History history = new History()
                .negotiation()
                .truce("pause", "2020-10-10T12:00+04:00", "2020-10-14T12:00+04:00", null)
                .end("pause", EndReason.COLLAPSED, "2020-10-14T12:00+04:00");
        Instant expiry = at("2020-10-14T12:00+04:00").utc();
        assertThat(view(history, "pause", expiry.minusSeconds(60)).status()).isEqualTo(Status.HOLDING);
        CommitmentView ended = view(history, "pause", expiry);
        assertThat(ended.status()).isEqualTo(Status.ENDED);
        assertThat(ended.endedReason())
                .as("the end recorded on the commitment says what happened; the expiry only what was planned")
                .isEqualTo("COLLAPSED");
        assertThat(ended.endedAtUtc()).isEqualTo(expiry);
        assertThat(history.fold().timeline("nk"))
                .as("both stay on the timeline, the planned expiry first (its event came first)")
                .extracting(TimelineEntry::type)
                .endsWith("CommitmentExpired", "CommitmentEnded");
    }

    @Test
    void anExpiryAtTheInstantASupersedingTruceTakesEffectEndsItAsExpired() {
        History history = new History()
                .negotiation()
                .truce("pause", "2020-10-10T12:00+04:00", "2020-10-14T12:00+04:00", null)
                .truce("next", "2020-10-14T12:00+04:00", null, null)
                .supersede("pause", "next", "2020-10-14T12:00+04:00");
        CommitmentView ended =
                view(history, "pause", at("2020-10-14T12:00+04:00").utc());
        assertThat(ended.endedReason())
                .as("it ran its agreed course; the successor names itself in supersededBy")
                .isEqualTo("EXPIRED");
        assertThat(ended.supersededBy()).isEqualTo("next");
    }

    @Test
    void ofTwoSupersessionsAtOneInstantTheFirstRecordedNamesTheSuccessor() {
        History history = new History()
                .negotiation()
                .truce("pause", "2020-10-10T12:00+04:00", null, null)
                .truce("first", "2020-10-14T12:00+04:00", null, null)
                .truce("second", "2020-10-14T12:00+04:00", null, null)
                .supersede("pause", "first", "2020-10-14T12:00+04:00")
                .supersede("pause", "second", "2020-10-14T12:00+04:00");
        CommitmentView ended = view(history, "pause", LATER);
        assertThat(ended.endedReason()).isEqualTo("SUPERSEDED");
        assertThat(ended.supersededBy()).isEqualTo("first");
    }

    @Test
    void aReportAtTheVeryInstantOfTheEndIsAViolationOfItWhicheverWasRecordedFirst() {
        String collapse = "2020-10-17T06:00+04:00";
        History endFirst = new History()
                .negotiation()
                .truce("pause", "2020-10-10T12:00+04:00", null, null)
                .end("pause", EndReason.COLLAPSED, collapse)
                .report("pause", "rockets", ARMENIA, AZERBAIJAN, at(collapse));
        History reportFirst = new History()
                .negotiation()
                .truce("pause", "2020-10-10T12:00+04:00", null, null)
                .report("pause", "rockets", ARMENIA, AZERBAIJAN, at(collapse))
                .end("pause", EndReason.COLLAPSED, collapse);
        Instant end = at(collapse).utc();
        for (History history : List.of(endFirst, reportFirst)) {
            CommitmentView before = view(history, "pause", end.minusSeconds(60));
            assertThat(before.status()).isEqualTo(Status.HOLDING);
            assertThat(before.firstViolationAtUtc()).isNull();
            CommitmentView atTheEnd = view(history, "pause", end);
            assertThat(atTheEnd.status())
                    .as("from the instant of its end the commitment has ended, its breach with it")
                    .isEqualTo(Status.ENDED);
            assertThat(atTheEnd.endedReason()).isEqualTo("COLLAPSED");
            assertThat(atTheEnd.firstViolation().violationId())
                    .as("the breach that ended it is its first violation")
                    .isEqualTo("rockets");
            assertThat(atTheEnd.minutesToFirstViolation()).isEqualTo(6 * 24 * 60 + 18 * 60);
            assertThat(atTheEnd.reports().standing()).isEqualTo(1);
            assertThat(BrokenCommitment.within(24 * 7, List.of(view(history, "pause", LATER))))
                    .extracting(BrokenCommitment::commitmentId)
                    .containsExactly("pause");
        }
    }

    @Test
    void aRenewalOfAnEndedCommitmentIsRecordedAndLeavesItEnded() {
        History history = new History()
                .negotiation()
                .truce("moscow", "2020-10-10T12:00+04:00", null, null)
                .end("moscow", EndReason.COLLAPSED, "2020-10-11T00:00+04:00")
                .truce("paris", "2020-10-18T00:00+04:00", null, "moscow");
        CommitmentView moscow = view(history, "moscow", LATER);
        assertThat(moscow.renewedBy()).containsExactly("paris");
        assertThat(moscow.status())
                .as("a reaffirmation is a new truce: it does not bring the ended one back into force")
                .isEqualTo(Status.ENDED);
        assertThat(moscow.endedReason()).isEqualTo("COLLAPSED");
        assertThat(view(history, "paris", LATER).status()).isEqualTo(Status.HOLDING);
        assertThat(view(history, "paris", LATER).agreement().renews()).isEqualTo("moscow");
    }

    @Test
    void renewalsShowOnBothSides() {
        History history = new History()
                .negotiation()
                .truce("moscow", "2020-10-10T12:00+04:00", null, null)
                .truce("paris", "2020-10-18T00:00+04:00", null, "moscow")
                .truce("washington", "2020-10-26T08:00+04:00", null, "paris");
        assertThat(view(history, "moscow", LATER).renewedBy()).containsExactly("paris");
        assertThat(view(history, "paris", LATER).agreement().renews()).isEqualTo("moscow");
        assertThat(view(history, "paris", LATER).renewedBy()).containsExactly("washington");
        assertThat(view(history, "moscow", LATER).status())
                .as("a renewed truce stays in force")
                .isEqualTo(Status.HOLDING);
    }

    @Test
    void brokenWithinFractionalHoursListsShortestFirst() {
        History history = new History()
                .negotiation()
                .truce("moscow", "2020-10-10T12:00+04:00", null, null)
                .truce("paris", "2020-10-18T00:00+04:00", null, null)
                .truce("washington", "2020-10-26T08:00+04:00", null, null)
                .report("moscow", "m", ARMENIA, AZERBAIJAN, at("2020-10-10T12:05+04:00"))
                .report("paris", "p", ARMENIA, AZERBAIJAN, at("2020-10-18T00:04+04:00"))
                .report("washington", "w", AZERBAIJAN, ARMENIA, at("2020-10-26T10:08+04:00"));
        List<CommitmentView> views = new ArrayList<>();
        history.fold()
                .commitments()
                .values()
                .forEach(s -> views.add(CommitmentViews.at(s, LATER).orElseThrow()));
        assertThat(BrokenCommitment.within(1, views))
                .extracting(BrokenCommitment::commitmentId)
                .containsExactly("paris", "moscow");
        assertThat(BrokenCommitment.within(0.07, views))
                .extracting(BrokenCommitment::commitmentId)
                .containsExactly("paris");
        assertThat(BrokenCommitment.within(2.2, views))
                .extracting(BrokenCommitment::minutesToFirstViolation)
                .containsExactly(4L, 5L, 128L);
    }

    @Test
    void anEventDeliveredTwiceChangesNothing() {
        History history = moscowWithTwoReports()
                .assess("moscow", "first", AssessmentOutcome.CONFIRMED)
                .retract("moscow", "second")
                .truce("paris", "2020-10-18T00:00+04:00", null, "moscow");
        InMemoryViews once = history.fold();
        List<Fact> twice = new ArrayList<>();
        for (Fact fact : history.facts()) {
            twice.add(fact);
            twice.add(fact);
        }
        twice.addAll(history.facts());
        InMemoryViews again = InMemoryViews.fold(twice);
        assertThat(again.commitments().byId()).isEqualTo(once.commitments().byId());
        assertThat(again.timeline("nk")).isEqualTo(once.timeline("nk"));
    }

    @Test
    void partyRecordCountsStandingAndConfirmedReportsAgainstTheActor() {
        History history = moscowWithTwoReports()
                .assess("moscow", "first", AssessmentOutcome.CONFIRMED)
                .report("moscow", "third", new ActorId("icrc"), AZERBAIJAN, at("2020-10-10T13:00+04:00"))
                .retract("moscow", "third");
        InMemoryViews views = history.fold();
        PartyRecord record = PartyRecord.of(
                new ActorState(
                        "azerbaijan", "Azerbaijan", org.negotiationledger.core.actor.ActorKind.STATE, Instant.EPOCH),
                views.commitments().values(),
                views.statements().values(),
                LATER);
        assertThat(record.standingReportsAgainst()).isEqualTo(1);
        assertThat(record.confirmedReportsAgainst()).isEqualTo(1);
        assertThat(record.reportsAgainst()).hasSize(2);
        assertThat(record.reportsFiled())
                .extracting(PartyRecord.ReportSummary::violationId)
                .containsExactly("second");
        assertThat(record.commitments())
                .extracting(PartyRecord.CommitmentSummary::commitmentId)
                .containsExactly("moscow");
    }

    /** Moscow, and rockets five minutes in that Armenia blames on an armed group that signed nothing. */
    private static History moscowWithASpoilerReport() {
        return new History()
                .negotiation()
                .truce("moscow", "2020-10-10T12:00+04:00", null, null)
                .report("moscow", "rockets", ARMENIA, ARMED_GROUP, at("2020-10-10T12:05+04:00"));
    }

    @Test
    void aStandingReportAgainstANonPartyIsShownApartAndDoesNotBreakTheTruce() {
        CommitmentView moscow = view(moscowWithASpoilerReport(), "moscow", LATER);
        assertThat(moscow.status()).isEqualTo(Status.HOLDING);
        assertThat(moscow.nonPartyReports()).containsExactly(java.util.Map.entry("armed-group", 1));
        assertThat(moscow.standingReportsByAccused()).isEmpty();
        assertThat(moscow.firstViolation()).isNull();
        assertThat(moscow.firstViolationAtUtc()).isNull();
        assertThat(moscow.minutesToFirstViolation())
                .as("a claim against an outsider is not the truce's first violation")
                .isNull();
        assertThat(BrokenCommitment.within(24, List.of(moscow))).isEmpty();
        assertThat(moscow.reports())
                .as("the report counts among the commitment's reports")
                .isEqualTo(new CommitmentView.ReportCounts(1, 0, 0, 0));
    }

    @Test
    void aConfirmedReportAgainstANonPartyStillDoesNotBreakTheTruce() {
        CommitmentView moscow = view(
                moscowWithASpoilerReport().assess("moscow", "rockets", AssessmentOutcome.CONFIRMED), "moscow", LATER);
        assertThat(moscow.status()).isEqualTo(Status.HOLDING);
        assertThat(moscow.nonPartyReports()).containsEntry("armed-group", 1);
        assertThat(moscow.reports().confirmed()).isEqualTo(1);
    }

    @Test
    void aFindingAttributingANonPartyReportToAPartyBreaksTheTruceFromTheReportsTime() {
        CommitmentView moscow = view(
                moscowWithASpoilerReport().assess("moscow", "rockets", AssessmentOutcome.ATTRIBUTED, AZERBAIJAN),
                "moscow",
                LATER);
        assertThat(moscow.status()).isEqualTo(Status.VIOLATED);
        assertThat(moscow.nonPartyReports()).isEmpty();
        assertThat(moscow.standingReportsByAccused()).containsExactly(java.util.Map.entry("armed-group", 1));
        assertThat(moscow.firstViolation().violationId()).isEqualTo("rockets");
        assertThat(moscow.firstViolation().assessment()).isEqualTo("ATTRIBUTED");
        assertThat(moscow.minutesToFirstViolation()).isEqualTo(5);
    }

    @Test
    void theFirstViolationIsTheFirstReportAgainstThePartiesNotAnEarlierOneAgainstASpoiler() {
        History history = moscowWithASpoilerReport()
                .report("moscow", "shelling", AZERBAIJAN, ARMENIA, at("2020-10-10T12:30+04:00"));
        CommitmentView moscow = view(history, "moscow", LATER);
        assertThat(moscow.status()).isEqualTo(Status.VIOLATED);
        assertThat(moscow.firstViolation().violationId()).isEqualTo("shelling");
        assertThat(moscow.minutesToFirstViolation()).isEqualTo(30);
        assertThat(moscow.standingReportsByAccused()).containsExactly(java.util.Map.entry("armenia", 1));
        assertThat(moscow.nonPartyReports()).containsExactly(java.util.Map.entry("armed-group", 1));
        assertThat(moscow.reports().standing()).isEqualTo(2);
        assertThat(BrokenCommitment.within(0.25, List.of(moscow))).isEmpty();
        assertThat(BrokenCommitment.within(0.5, List.of(moscow)))
                .extracting(BrokenCommitment::accused)
                .containsExactly("armenia");
        assertThat(view(history, "moscow", Instant.parse("2020-10-10T08:10:00Z"))
                        .status())
                .as("at a valid time between the two reports only the spoiler's had happened")
                .isEqualTo(Status.HOLDING);
    }

    @Test
    void aRetractedReportAgainstANonPartyIsNoLongerShown() {
        CommitmentView moscow = view(moscowWithASpoilerReport().retract("moscow", "rockets"), "moscow", LATER);
        assertThat(moscow.nonPartyReports()).isEmpty();
        assertThat(moscow.status()).isEqualTo(Status.HOLDING);
    }

    @Test
    void theNonPartysRecordShowsTheReportAgainstIt() {
        InMemoryViews views = moscowWithASpoilerReport().fold();
        PartyRecord record = PartyRecord.of(
                new ActorState(
                        "armed-group",
                        "An armed group",
                        org.negotiationledger.core.actor.ActorKind.NON_STATE_ARMED_GROUP,
                        Instant.EPOCH),
                views.commitments().values(),
                views.statements().values(),
                LATER);
        assertThat(record.reportsAgainst())
                .extracting(PartyRecord.ReportSummary::violationId)
                .containsExactly("rockets");
        assertThat(record.standingReportsAgainst()).isEqualTo(1);
        assertThat(record.commitments()).as("it is a party to nothing").isEmpty();
    }

    @Test
    void timelineIsInValidTimeOrderWithTheOpeningFirst() {
        List<TimelineEntry> timeline =
                moscowWithTwoReports().retract("moscow", "first").fold().timeline("nk");
        assertThat(timeline)
                .extracting(TimelineEntry::type)
                .containsExactly(
                        "NegotiationOpened",
                        "TruceAgreed",
                        "CommitmentTookEffect",
                        "ViolationReported",
                        "ViolationReported",
                        "ViolationReportRetracted");
    }

    @Test
    void timelineEntriesAboutAReportNameItAndEveryEntryItsEvent() {
        History history = moscowWithTwoReports()
                .assess("moscow", "first", AssessmentOutcome.CONFIRMED)
                .retract("moscow", "second");
        List<TimelineEntry> timeline = history.fold().timeline("nk");
        assertThat(timeline)
                .extracting(TimelineEntry::type, e -> e.fact().violationId())
                .containsExactly(
                        Tuple.tuple("NegotiationOpened", null),
                        Tuple.tuple("TruceAgreed", null),
                        Tuple.tuple("CommitmentTookEffect", null),
                        Tuple.tuple("ViolationReported", "first"),
                        Tuple.tuple("ViolationReported", "second"),
                        Tuple.tuple("ViolationAssessed", "first"),
                        Tuple.tuple("ViolationReportRetracted", "second"));
        List<Fact> facts = history.facts();
        assertThat(timeline)
                .extracting(TimelineEntry::globalIndex)
                .as("each entry keyed by the global index of the event it comes from")
                .containsExactly(
                        facts.get(0).globalIndex(),
                        facts.get(1).globalIndex(),
                        facts.get(1).globalIndex(),
                        facts.get(2).globalIndex(),
                        facts.get(3).globalIndex(),
                        facts.get(4).globalIndex(),
                        facts.get(5).globalIndex());
    }

    @Test
    void timelineKeepsEachEntrysFactsAndNoSentence() {
        List<TimelineEntry> timeline = moscowWithTwoReports()
                .assess("moscow", "first", AssessmentOutcome.ATTRIBUTED)
                .retract("moscow", "second")
                .end("moscow", EndReason.COLLAPSED, "2020-10-13T00:00+04:00")
                .fold()
                .timeline("nk");
        assertThat(timeline)
                .extracting(TimelineEntry::fact)
                .containsExactly(
                        new TimelineFact.Opened("NK", List.of("armenia", "azerbaijan"), List.of()),
                        new TimelineFact.Agreed(
                                Agreement.TRUCE, "moscow", "CEASEFIRE", List.of("armenia", "azerbaijan"), List.of()),
                        new TimelineFact.TookEffect("moscow"),
                        new TimelineFact.Reported("moscow", "first", "armenia", "azerbaijan", null),
                        new TimelineFact.Reported("moscow", "second", "azerbaijan", "armenia", null),
                        new TimelineFact.Assessed("moscow", "first", AssessmentOutcome.ATTRIBUTED, "armenia", "icrc"),
                        new TimelineFact.Ended("moscow", EndReason.COLLAPSED, null),
                        new TimelineFact.Retracted("moscow", "second", "armenia", "mistaken"));
    }
}

package org.negotiationledger.projections.fold;

import static org.assertj.core.api.Assertions.assertThat;
import static org.negotiationledger.projections.fold.History.ARMENIA;
import static org.negotiationledger.projections.fold.History.AZERBAIJAN;
import static org.negotiationledger.projections.fold.History.at;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.negotiationledger.core.commitment.EndReason;
import org.negotiationledger.projections.fold.CommitmentView.Status;

/** A pause extended twice and then collapsed: one commitment, its expiry moved bitemporally. */
class ExtensionViewsTest {

    private static final Instant LATER = Instant.parse("2030-01-01T00:00:00Z");

    /** A four-day pause from the 10th at noon, extended on the 13th by two days and on the 15th by one. */
    private static History extendedTwice() {
        return new History()
                .negotiation()
                .truce("pause", "2020-10-10T12:00+04:00", "2020-10-14T12:00+04:00", null)
                .extend("pause", "2020-10-16T12:00+04:00", "2020-10-13T20:00+04:00")
                .extend("pause", "2020-10-17T12:00+04:00", "2020-10-15T20:00+04:00");
    }

    private static CommitmentState state(History history) {
        return history.fold().commitments().get("pause");
    }

    private static CommitmentView view(CommitmentState state, String at) {
        return CommitmentViews.at(state, at(at).utc()).orElseThrow();
    }

    @Test
    void anExtendedTruceHoldsThroughEachExtensionAndExpiresAtTheLastExpiry() {
        CommitmentState pause = state(extendedTwice());
        for (String at : List.of(
                "2020-10-10T12:00+04:00",
                "2020-10-14T12:00+04:00",
                "2020-10-15T09:00+04:00",
                "2020-10-16T12:00+04:00",
                "2020-10-17T11:59+04:00")) {
            assertThat(view(pause, at).status()).as(at).isEqualTo(Status.HOLDING);
            assertThat(view(pause, at).endedReason()).as(at).isNull();
        }
        CommitmentView expired = view(pause, "2020-10-17T12:00+04:00");
        assertThat(expired.status()).isEqualTo(Status.ENDED);
        assertThat(expired.endedReason()).isEqualTo("EXPIRED");
        assertThat(expired.endedAtUtc()).isEqualTo(at("2020-10-17T12:00+04:00").utc());
    }

    @Test
    void beforeAnExtensionWasAgreedTheTruceWasDueToExpireAtTheOldTime() {
        CommitmentState pause = state(extendedTwice());
        assertThat(view(pause, "2020-10-13T19:59+04:00").expiresAt()).isEqualTo(at("2020-10-14T12:00+04:00"));
        assertThat(view(pause, "2020-10-13T20:00+04:00").expiresAt()).isEqualTo(at("2020-10-16T12:00+04:00"));
        assertThat(view(pause, "2020-10-15T19:59+04:00").expiresAt()).isEqualTo(at("2020-10-16T12:00+04:00"));
        assertThat(view(pause, "2020-10-15T20:00+04:00").expiresAt()).isEqualTo(at("2020-10-17T12:00+04:00"));
        assertThat(pause.agreement().expiresAt())
                .as("what was agreed stays as agreed")
                .isEqualTo(at("2020-10-14T12:00+04:00"));
    }

    @Test
    void asOfBeforeAnExtensionWasRecordedTheTruceExpiredAtTheOldTime() {
        History history = extendedTwice();
        List<Fact> facts = history.facts();
        Instant firstExtensionRecorded = facts.get(2).recordedAt();
        CommitmentState known = state(history).asOf(firstExtensionRecorded.minusSeconds(1));
        CommitmentView then = CommitmentViews.at(known, LATER).orElseThrow();
        assertThat(then.status()).isEqualTo(Status.ENDED);
        assertThat(then.endedReason()).isEqualTo("EXPIRED");
        assertThat(then.endedAtUtc()).isEqualTo(at("2020-10-14T12:00+04:00").utc());
        assertThat(then.expiresAt()).isEqualTo(at("2020-10-14T12:00+04:00"));

        CommitmentState afterFirst = state(history).asOf(firstExtensionRecorded);
        assertThat(CommitmentViews.at(afterFirst, LATER).orElseThrow().endedAtUtc())
                .isEqualTo(at("2020-10-16T12:00+04:00").utc());
        assertThat(CommitmentViews.at(state(history), LATER).orElseThrow().endedAtUtc())
                .isEqualTo(at("2020-10-17T12:00+04:00").utc());
    }

    @Test
    void brokenWithinHoursCountsFromTheTrucesOwnEffectiveTime() {
        History history = extendedTwice()
                .report("pause", "rockets", ARMENIA, AZERBAIJAN, at("2020-10-17T07:00+04:00"))
                .end("pause", EndReason.COLLAPSED, "2020-10-17T07:00+04:00");
        CommitmentState pause = state(history);
        CommitmentView broken = CommitmentViews.at(pause, LATER).orElseThrow();
        assertThat(broken.status()).isEqualTo(Status.ENDED);
        assertThat(broken.endedReason()).isEqualTo("COLLAPSED");
        long minutes = java.time.Duration.ofDays(6).plusHours(19).toMinutes(); // the 10th at noon to the 17th at 7
        assertThat(broken.minutesToFirstViolation()).isEqualTo(minutes);
        assertThat(CommitmentViews.earliestReportMinutes(pause)).isEqualTo(minutes);
        assertThat(BrokenCommitment.within(24, List.of(broken))).isEmpty();
        assertThat(view(pause, "2020-10-17T06:59+04:00").status()).isEqualTo(Status.HOLDING);
    }

    @Test
    void theClockChangesTheViewWhereAnExtensionIsAgreedAndAtTheLastExpiryNotAtTheOldOne() {
        assertThat(CommitmentViews.clockChanges(state(extendedTwice())))
                .containsExactly(
                        at("2020-10-10T03:00+04:00").utc(),
                        at("2020-10-10T12:00+04:00").utc(),
                        at("2020-10-13T20:00+04:00").utc(),
                        at("2020-10-15T20:00+04:00").utc(),
                        at("2020-10-17T12:00+04:00").utc());
    }

    @Test
    void theTimelineSaysWhenEachExtensionWasAgreedAndToWhen() {
        List<TimelineEntry> timeline = extendedTwice().fold().timeline("nk");
        assertThat(timeline)
                .filteredOn(e -> e.type().equals("CommitmentExtended"))
                .extracting(TimelineEntry::fact)
                .containsExactly(
                        new TimelineFact.Extended(
                                "pause",
                                at("2020-10-16T12:00+04:00").stated(),
                                at("2020-10-14T12:00+04:00").stated(),
                                List.of("armenia", "azerbaijan")),
                        new TimelineFact.Extended(
                                "pause",
                                at("2020-10-17T12:00+04:00").stated(),
                                at("2020-10-16T12:00+04:00").stated(),
                                List.of("armenia", "azerbaijan")));
    }

    @Test
    void anExtensionDeliveredTwiceChangesNothing() {
        History history = extendedTwice();
        List<Fact> twice = new java.util.ArrayList<>(history.facts());
        twice.addAll(history.facts());
        InMemoryViews again = InMemoryViews.fold(twice);
        assertThat(again.commitments().byId())
                .isEqualTo(history.fold().commitments().byId());
    }
}

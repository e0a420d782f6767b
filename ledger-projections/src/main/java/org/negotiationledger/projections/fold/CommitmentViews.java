package org.negotiationledger.projections.fold;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.negotiationledger.core.commitment.AssessmentOutcome;
import org.negotiationledger.core.commitment.EndOfForce;
import org.negotiationledger.core.shared.StatedTime;
import org.negotiationledger.projections.fold.CommitmentView.Status;

/**
 * What a commitment's state means at a valid time {@code at}: only facts whose valid time has come count (a
 * report from the latest instant of its stated time), while corrections the ledger holds (retractions,
 * assessments) always apply, for they say what the claim is worth, not when something happened.
 */
public final class CommitmentViews {

    private static final Comparator<ReportState> FIRST = Comparator.comparing(ReportState::countsFrom)
            .thenComparing(ReportState::recordedAt)
            .thenComparing(ReportState::violationId);

    private CommitmentViews() {}

    /** The commitment at valid time {@code at}; empty when it had not been agreed by then. */
    public static Optional<CommitmentView> at(CommitmentState state, Instant at) {
        if (at.isBefore(state.agreement().agreedAt().earliest())) {
            return Optional.empty();
        }
        List<ReportState> counted = state.reports().stream()
                .filter(r -> !r.countsFrom().isAfter(at))
                .toList();
        List<ReportState> standing =
                counted.stream().filter(ReportState::standing).toList();
        // Only a claim against the signatories breaks the commitment; one against a spoiler is shown apart.
        List<String> parties = state.agreement().parties();
        List<ReportState> breaches =
                standing.stream().filter(r -> r.againstParties(parties)).toList();
        Optional<ReportState> first = breaches.stream().min(FIRST);
        Map<String, Integer> byAccused = new TreeMap<>();
        Map<String, Integer> nonParty = new TreeMap<>();
        standing.forEach(r -> (r.againstParties(parties) ? byAccused : nonParty).merge(r.accused(), 1, Integer::sum));

        EndOfForce end = end(state, at);
        Status status = end != null
                ? Status.ENDED
                : at.isBefore(state.agreement().effectiveFrom().utc())
                        ? Status.PENDING
                        : breaches.isEmpty() ? Status.HOLDING : Status.VIOLATED;
        Instant firstAt = first.map(ReportState::countsFrom).orElse(null);
        return Optional.of(new CommitmentView(
                state.agreement(),
                status,
                firstAt,
                firstAt == null ? null : minutesBetween(state.agreement().effectiveFrom(), firstAt),
                first.map(CommitmentViews::firstViolation).orElse(null),
                counts(counted, standing),
                byAccused,
                nonParty,
                state.renewedBy(),
                state.supersession() == null ? null : state.supersession().supersededBy(),
                end == null ? null : end.reason().name(),
                end == null ? null : end.at(),
                state.expiresAt(at),
                at));
    }

    private static CommitmentView.FirstViolation firstViolation(ReportState report) {
        return new CommitmentView.FirstViolation(
                report.violationId(),
                report.reportedBy(),
                report.accused(),
                report.countsFrom(),
                report.assessment() == null
                        ? null
                        : report.assessment().outcome().name());
    }

    /** The reports that count by then: standing, confirmed, retracted, and assessed unfounded (not retracted). */
    private static CommitmentView.ReportCounts counts(List<ReportState> counted, List<ReportState> standing) {
        return new CommitmentView.ReportCounts(
                standing.size(),
                (int) counted.stream().filter(ReportState::confirmed).count(),
                (int) counted.stream().filter(r -> r.retraction() != null).count(),
                (int) counted.stream()
                        .filter(r -> r.retraction() == null
                                && r.assessment() != null
                                && r.assessment().outcome() == AssessmentOutcome.UNFOUNDED)
                        .count());
    }

    /**
     * The instants at which the commitment's view changes with the clock alone, in order: it takes effect,
     * expires, ends, is superseded. (A report counts from its time, which is never in the future when it is
     * recorded but for the last instant of an hour or a day stated as the current one; those are left out.)
     */
    public static List<Instant> clockChanges(CommitmentState state) {
        List<Instant> at = new java.util.ArrayList<>();
        at.add(state.agreement().agreedAt().earliest());
        at.add(state.agreement().effectiveFrom().utc());
        // An extension changes the expiry shown from its agreed time; only the latest expiry ends the truce (each
        // extension is agreed before the expiry it moves), so an earlier one changes nothing with the clock.
        state.extensions().forEach(e -> at.add(e.agreedAt().earliest()));
        if (state.currentExpiry() != null) {
            at.add(state.currentExpiry().utc());
        }
        if (state.ending() != null) {
            at.add(state.ending().endedAt().utc());
        }
        if (state.supersession() != null) {
            at.add(state.supersession().effectiveAt().utc());
        }
        return at.stream().distinct().sorted().toList();
    }

    /** Minutes from the commitment taking effect to its first standing violation, counting the latest instant. */
    public static long minutesBetween(StatedTime effectiveFrom, Instant violation) {
        return Math.max(0, Duration.between(effectiveFrom.utc(), violation).toMinutes());
    }

    /**
     * The delay of the earliest report, standing or not: a lower bound of the time to break at any valid time
     * and as of any record time (a report withdrawn later stood before), which makes it the broken-within-hours
     * index.
     */
    public static Long earliestReportMinutes(CommitmentState state) {
        // A loop over the instants alone: the live projection runs this over all of a hot commitment's reports.
        Instant earliest = null;
        for (ReportState report : state.reports()) {
            Instant counts = report.countsFrom();
            if (earliest == null || counts.isBefore(earliest)) {
                earliest = counts;
            }
        }
        return earliest == null ? null : minutesBetween(state.agreement().effectiveFrom(), earliest);
    }

    /** How the commitment had ended by {@code at}, if it had: the earliest of its ends that had come. */
    private static EndOfForce end(CommitmentState state, Instant at) {
        EndOfForce end = EndOfForce.earliest(
                state.ending() == null ? null : state.ending().reason(),
                state.ending() == null ? null : state.ending().endedAt().utc(),
                state.expiresAt(at) == null ? null : state.expiresAt(at).utc(),
                state.supersession() == null
                        ? null
                        : state.supersession().effectiveAt().utc());
        return end == null || end.at().isAfter(at) ? null : end;
    }
}

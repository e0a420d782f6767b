package org.negotiationledger.projections.fold;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.negotiationledger.core.commitment.AssessmentOutcome;
import org.negotiationledger.core.commitment.Casualties;
import org.negotiationledger.core.commitment.Location;
import org.negotiationledger.core.shared.ActorId;
import org.negotiationledger.core.shared.StatedTime;

/**
 * A violation report as the views know it: the claim, every finding on it in the order recorded (the latest
 * one counts), and its retraction (null while none). A report is standing unless retracted or assessed
 * UNFOUNDED. Each part keeps its record time, so the report as the ledger knew it at any moment can be told.
 * {@code occurredUntil}: null, or the end of the range the violation occurred in (from {@code occurredAt}).
 */
public record ReportState(
        String violationId,
        String reportedBy,
        String accused,
        StatedTime occurredAt,
        Instant recordedAt,
        Location location,
        String description,
        Casualties casualties,
        String source,
        List<Assessment> assessments,
        Retraction retraction,
        StatedTime occurredUntil) {

    private static final String UNKNOWN = ActorId.UNKNOWN.value();

    /** The latest finding on a report. */
    public record Assessment(
            AssessmentOutcome outcome,
            String attributedTo,
            String assessedBy,
            StatedTime assessedAt,
            String note,
            Instant recordedAt) {}

    /** Who withdrew a report, why, and when the ledger learned it. */
    public record Retraction(String retractedBy, String reason, Instant recordedAt) {}

    /** The finding that counts: the latest recorded, or null. */
    public Assessment assessment() {
        return assessments.isEmpty() ? null : assessments.get(assessments.size() - 1);
    }

    public boolean standing() {
        Assessment latest = assessment();
        return retraction == null && (latest == null || latest.outcome() != AssessmentOutcome.UNFOUNDED);
    }

    public boolean confirmed() {
        Assessment latest = assessment();
        return standing()
                && latest != null
                && (latest.outcome() == AssessmentOutcome.CONFIRMED
                        || latest.outcome() == AssessmentOutcome.ATTRIBUTED);
    }

    /**
     * Whether the claim is one against the signatories, so that, standing, it breaks the commitment: it accuses
     * one of {@code parties} or {@code unknown}, or its latest finding attributes it to a party. A claim against a
     * non-party (a spoiler) is not a breach by the parties until such a finding names one.
     */
    public boolean againstParties(List<String> parties) {
        Assessment latest = assessment();
        if (latest != null && latest.outcome() == AssessmentOutcome.ATTRIBUTED) {
            return parties.contains(latest.attributedTo());
        }
        return UNKNOWN.equals(accused) || parties.contains(accused);
    }

    /** When the violation counts as having happened: the latest instant its stated times (a range's end) allow. */
    public Instant countsFrom() {
        return (occurredUntil == null ? occurredAt : occurredUntil).latest();
    }

    ReportState assessed(Assessment finding) {
        List<Assessment> findings = new ArrayList<>(assessments);
        findings.add(finding);
        return changed(List.copyOf(findings), retraction);
    }

    ReportState retracted(Retraction withdrawal) {
        return changed(assessments, withdrawal);
    }

    /** The report as the ledger knew it at record time {@code asOf}, or null if it was not yet reported. */
    public ReportState asOf(Instant asOf) {
        if (recordedAt.isAfter(asOf)) {
            return null;
        }
        return changed(
                assessments.stream().filter(a -> !a.recordedAt().isAfter(asOf)).toList(),
                retraction == null || retraction.recordedAt().isAfter(asOf) ? null : retraction);
    }

    /** The same claim with these findings and this retraction: nothing else of a report changes once filed. */
    private ReportState changed(List<Assessment> newAssessments, Retraction newRetraction) {
        return new ReportState(
                violationId,
                reportedBy,
                accused,
                occurredAt,
                recordedAt,
                location,
                description,
                casualties,
                source,
                newAssessments,
                newRetraction,
                occurredUntil);
    }
}

package org.negotiationledger.projections.fold;

import java.time.Instant;
import org.negotiationledger.core.commitment.AssessmentOutcome;
import org.negotiationledger.core.commitment.Casualties;
import org.negotiationledger.core.commitment.Location;
import org.negotiationledger.core.shared.StatedTime;

/**
 * A violation report as the views know it: the claim, its latest assessment and its retraction (null while
 * none). A report is standing unless retracted or assessed UNFOUNDED.
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
        Assessment assessment,
        Retraction retraction) {

    /** The latest finding on a report. */
    public record Assessment(AssessmentOutcome outcome, String attributedTo, String assessedBy, StatedTime assessedAt,
            String note, Instant recordedAt) {
    }

    /** Who withdrew a report, why, and when the ledger learned it. */
    public record Retraction(String retractedBy, String reason, Instant recordedAt) {
    }

    public boolean standing() {
        return retraction == null && (assessment == null || assessment.outcome() != AssessmentOutcome.UNFOUNDED);
    }

    public boolean confirmed() {
        return standing() && assessment != null && (assessment.outcome() == AssessmentOutcome.CONFIRMED
                || assessment.outcome() == AssessmentOutcome.ATTRIBUTED);
    }

    /** When the violation counts as having happened: the latest instant its stated time allows. */
    public Instant countsFrom() {
        return occurredAt.latest();
    }

    ReportState assessed(Assessment finding) {
        return new ReportState(violationId, reportedBy, accused, occurredAt, recordedAt, location, description,
                casualties, source, finding, retraction);
    }

    ReportState retracted(Retraction withdrawal) {
        return new ReportState(violationId, reportedBy, accused, occurredAt, recordedAt, location, description,
                casualties, source, assessment, withdrawal);
    }
}

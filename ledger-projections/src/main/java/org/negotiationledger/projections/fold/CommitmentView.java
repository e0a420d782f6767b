package org.negotiationledger.projections.fold;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One commitment as a client sees it at a valid time: the contract's fields ({@code id, kind, status,
 * effectiveFrom, effectiveFromUtc, firstViolationAtUtc, minutesToFirstViolation, reports, renews, renewedBy,
 * endedReason}) and the rest of what the ledger knows of it.
 */
public record CommitmentView(
        String id,
        String category,
        String kind,
        String title,
        String negotiationId,
        Status status,
        List<String> parties,
        List<String> brokers,
        String venue,
        String agreedAt,
        Instant agreedAtUtc,
        String effectiveFrom,
        Instant effectiveFromUtc,
        String expiresAt,
        Instant expiresAtUtc,
        List<String> terms,
        String source,
        Instant firstViolationAtUtc,
        Long minutesToFirstViolation,
        FirstViolation firstViolation,
        ReportCounts reports,
        Map<String, Integer> standingReportsByAccused,
        String renews,
        List<String> renewedBy,
        List<String> supersedes,
        String supersededBy,
        String endedReason,
        Instant endedAtUtc,
        Instant recordedAt,
        Instant validAt) {

    public enum Status {
        PENDING,
        HOLDING,
        VIOLATED,
        ENDED
    }

    /** Report counts: standing, confirmed (or attributed) and standing, retracted, assessed unfounded. */
    public record ReportCounts(int standing, int confirmed, int retracted, int unfounded) {}

    /** The earliest standing report: who reported it, whom it accuses, and the latest finding on it. */
    public record FirstViolation(
            String violationId, String reportedBy, String accused, Instant occurredAtUtc, String assessment) {}
}

package org.negotiationledger.projections.fold;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One commitment as a client sees it at a valid time: the {@link Agreement} as made, and what the ledger's facts
 * make of it by then (its status, its first violation, its reports, how it ended).
 *
 * @param firstViolationAtUtc     when the first standing violation counts from (a report against a non-party is
 *                                none), or null
 * @param minutesToFirstViolation minutes from taking effect to that violation, or null
 * @param standingReportsByAccused the standing reports that break the commitment (against a party or {@code
 *                                unknown}, or attributed to a party), counted by whom they accuse
 * @param nonPartyReports         the other standing reports: against an actor that is not a party, which no
 *                                finding attributes to a party; counted by whom they accuse
 * @param renewedBy               the truces that renew this one
 * @param supersededBy            the commitment whose supersession ends this one, or null
 * @param endedReason             how it had ended by {@code validAt}, or null
 * @param expiresAt               the expiry in force at {@code validAt}: the agreed one, or that of the latest
 *                                extension agreed by then; null for a commitment without expiry
 * @param validAt                 the valid time the status is judged at
 */
public record CommitmentView(
        Agreement agreement,
        Status status,
        Instant firstViolationAtUtc,
        Long minutesToFirstViolation,
        FirstViolation firstViolation,
        ReportCounts reports,
        Map<String, Integer> standingReportsByAccused,
        Map<String, Integer> nonPartyReports,
        List<String> renewedBy,
        String supersededBy,
        String endedReason,
        Instant endedAtUtc,
        org.negotiationledger.core.shared.StatedTime expiresAt,
        Instant validAt) {

    /** The commitment's id (its agreement's). */
    public String id() {
        return agreement.id();
    }

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

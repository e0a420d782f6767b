package org.negotiationledger.api.view;

import static io.swagger.v3.oas.annotations.media.Schema.RequiredMode.REQUIRED;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.negotiationledger.core.shared.Precision;
import org.negotiationledger.projections.fold.Agreement;
import org.negotiationledger.projections.fold.BrokenCommitment;
import org.negotiationledger.projections.fold.CommitmentView;
import org.negotiationledger.projections.fold.PartyRecord;
import org.negotiationledger.projections.fold.TimelineEntry;

/**
 * The answers of the views (and the data of the streams that push them): API records of their own, mapped from
 * what the folds compute, so a fold can change without changing what clients read. Their JSON is the contract
 * of docs/http-api.md and docs/openapi.json; a component without {@code required} may be null.
 */
public final class ViewResponses {

    private ViewResponses() {}

    /** A commitment's status at a valid time. */
    public enum CommitmentStatus {
        PENDING,
        HOLDING,
        VIOLATED,
        ENDED
    }

    @Schema(name = "Commitment", description = "One commitment as it stands at a valid time")
    public record CommitmentResponse(
            @Schema(requiredMode = REQUIRED) String id,

            @Schema(
                    requiredMode = REQUIRED,
                    allowableValues = {"TRUCE", "PLEDGE"})
            String category,

            @Schema(requiredMode = REQUIRED) String kind,
            @Schema(requiredMode = REQUIRED) String title,
            @Schema(requiredMode = REQUIRED) String negotiationId,
            @Schema(requiredMode = REQUIRED) CommitmentStatus status,
            @Schema(requiredMode = REQUIRED) List<String> parties,
            @Schema(requiredMode = REQUIRED) List<String> brokers,
            String venue,
            @Schema(requiredMode = REQUIRED) String agreedAt,
            @Schema(requiredMode = REQUIRED) Instant agreedAtUtc,

            @Schema(
                    description = "when the commitment was announced, as stated, where its sources state it apart"
                            + " from its agreement (agreedAt); null when not stated. It does not change when the"
                            + " commitment takes effect")
            String announcedAt,

            Instant announcedAtUtc,
            @Schema(requiredMode = REQUIRED) String effectiveFrom,
            @Schema(requiredMode = REQUIRED) Instant effectiveFromUtc,
            String expiresAt,
            Instant expiresAtUtc,
            @Schema(requiredMode = REQUIRED) List<String> terms,
            String source,
            Instant firstViolationAtUtc,
            Long minutesToFirstViolation,
            FirstViolationResponse firstViolation,
            @Schema(requiredMode = REQUIRED) ReportCountsResponse reports,

            @Schema(
                    requiredMode = REQUIRED,
                    description = "standing reports that break the commitment (against a party or 'unknown', or"
                            + " attributed to a party by the latest finding), counted by accused")
            Map<String, Integer> standingReportsByAccused,

            @Schema(
                    requiredMode = REQUIRED,
                    description = "standing reports against an actor that is not a party (a spoiler), which no"
                            + " finding attributes to a party, counted by accused: they do not make the"
                            + " commitment VIOLATED")
            Map<String, Integer> nonPartyReports,

            String renews,
            @Schema(requiredMode = REQUIRED) List<String> renewedBy,
            @Schema(requiredMode = REQUIRED) List<String> supersedes,
            String supersededBy,
            String endedReason,
            Instant endedAtUtc,
            @Schema(requiredMode = REQUIRED) Instant recordedAt,

            @Schema(requiredMode = REQUIRED, description = "the valid time the status is judged at")
            Instant validAt) {

        public static CommitmentResponse of(CommitmentView v) {
            var first = v.firstViolation() == null
                    ? null
                    : new FirstViolationResponse(
                            v.firstViolation().violationId(),
                            v.firstViolation().reportedBy(),
                            v.firstViolation().accused(),
                            v.firstViolation().occurredAtUtc(),
                            v.firstViolation().assessment());
            var reports = new ReportCountsResponse(
                    v.reports().standing(),
                    v.reports().confirmed(),
                    v.reports().retracted(),
                    v.reports().unfounded());
            Agreement a = v.agreement();
            return new CommitmentResponse(
                    a.id(),
                    a.category(),
                    a.kind(),
                    a.title(),
                    a.negotiationId(),
                    CommitmentStatus.valueOf(v.status().name()),
                    a.parties(),
                    a.brokers(),
                    a.venue(),
                    a.agreedAt().stated(),
                    a.agreedAt().utc(),
                    a.announcedAt() == null ? null : a.announcedAt().stated(),
                    a.announcedAt() == null ? null : a.announcedAt().utc(),
                    a.effectiveFrom().stated(),
                    a.effectiveFrom().utc(),
                    // the expiry in force at the valid time: an extension agreed by then moved it
                    v.expiresAt() == null ? null : v.expiresAt().stated(),
                    v.expiresAt() == null ? null : v.expiresAt().utc(),
                    a.terms(),
                    a.source(),
                    v.firstViolationAtUtc(),
                    v.minutesToFirstViolation(),
                    first,
                    reports,
                    v.standingReportsByAccused(),
                    v.nonPartyReports(),
                    a.renews(),
                    v.renewedBy(),
                    a.supersedes(),
                    v.supersededBy(),
                    v.endedReason(),
                    v.endedAtUtc(),
                    a.recordedAt(),
                    v.validAt());
        }
    }

    @Schema(
            name = "ReportCounts",
            description =
                    "Reports: standing, confirmed (or attributed) and standing, " + "retracted, assessed unfounded")
    public record ReportCountsResponse(int standing, int confirmed, int retracted, int unfounded) {}

    @Schema(name = "FirstViolation", description = "The earliest standing report, and the latest finding on it")
    public record FirstViolationResponse(
            @Schema(requiredMode = REQUIRED) String violationId,
            @Schema(requiredMode = REQUIRED) String reportedBy,
            @Schema(requiredMode = REQUIRED) String accused,
            @Schema(requiredMode = REQUIRED) Instant occurredAtUtc,
            String assessment) {}

    @Schema(
            name = "BrokenCommitment",
            description = "A commitment whose first standing violation came within the " + "hours asked for")
    public record BrokenCommitmentResponse(
            @Schema(requiredMode = REQUIRED) String commitmentId,
            @Schema(requiredMode = REQUIRED) String negotiationId,
            @Schema(requiredMode = REQUIRED) String kind,
            @Schema(requiredMode = REQUIRED) String title,
            @Schema(requiredMode = REQUIRED) Instant effectiveFromUtc,
            @Schema(requiredMode = REQUIRED) Instant firstViolationAtUtc,

            @Schema(
                    description =
                            "minutes from taking effect to the first standing violation, as in the commitment's view")
            long minutesToFirstViolation,

            @Schema(
                    deprecated = true,
                    description = "the same number as minutesToFirstViolation, under the name it had first; "
                            + "kept for the clients written against it")
            long minutesToBreak,

            @Schema(requiredMode = REQUIRED) String reportedBy,
            @Schema(requiredMode = REQUIRED) String accused,
            String assessment) {

        public static BrokenCommitmentResponse of(BrokenCommitment b) {
            return new BrokenCommitmentResponse(
                    b.commitmentId(),
                    b.negotiationId(),
                    b.kind(),
                    b.title(),
                    b.effectiveFromUtc(),
                    b.firstViolationAtUtc(),
                    b.minutesToFirstViolation(),
                    b.minutesToFirstViolation(),
                    b.reportedBy(),
                    b.accused(),
                    b.assessment());
        }

        public static List<BrokenCommitmentResponse> of(List<BrokenCommitment> list) {
            return list.stream().map(BrokenCommitmentResponse::of).toList();
        }
    }

    @Schema(
            name = "TimelineEntry",
            description = "One fact of a negotiation: at its valid time (validAtUtc null: "
                    + "the opening, which stands first; a retraction stands at its record time), with its record time")
    public record TimelineEntryResponse(
            @Schema(requiredMode = REQUIRED) String negotiationId,

            @Schema(description = "the global index of the event the fact comes from")
            long globalIndex,

            @Schema(description = "the fact's number among those its event put on this timeline")
            int entry,

            Instant validAtUtc,
            String validAt,
            Precision validAtPrecision,
            @Schema(requiredMode = REQUIRED) Instant recordedAt,
            @Schema(requiredMode = REQUIRED) String type,
            @Schema(requiredMode = REQUIRED) String recordId,

            @Schema(
                    description = "the violation report the fact is about (its report, a finding on it, its "
                            + "retraction; recordId names its commitment), or null")
            String violationId,

            @Schema(requiredMode = REQUIRED) String summary) {

        public static TimelineEntryResponse of(TimelineEntry e) {
            return new TimelineEntryResponse(
                    e.negotiationId(),
                    e.globalIndex(),
                    e.entry(),
                    e.validAtUtc(),
                    e.validAt(),
                    e.validAtPrecision(),
                    e.recordedAt(),
                    e.type(),
                    e.recordId(),
                    e.fact().violationId(),
                    TimelineSentences.of(e.fact()));
        }
    }

    @Schema(name = "PartyRecord", description = "One actor's record at a valid time")
    public record PartyRecordResponse(
            @Schema(requiredMode = REQUIRED) String actorId,
            @Schema(requiredMode = REQUIRED) String name,
            @Schema(requiredMode = REQUIRED) String kind,
            @Schema(requiredMode = REQUIRED) List<PartyCommitmentResponse> commitments,
            int standingReportsAgainst,
            int confirmedReportsAgainst,
            @Schema(requiredMode = REQUIRED) List<PartyReportResponse> reportsAgainst,
            @Schema(requiredMode = REQUIRED) List<PartyReportResponse> reportsFiled,
            @Schema(requiredMode = REQUIRED) List<String> statements,
            @Schema(requiredMode = REQUIRED) Instant validAt) {

        public static PartyRecordResponse of(PartyRecord r) {
            return new PartyRecordResponse(
                    r.actorId(),
                    r.name(),
                    r.kind(),
                    r.commitments().stream()
                            .map(c -> new PartyCommitmentResponse(
                                    c.commitmentId(),
                                    c.title(),
                                    c.kind(),
                                    CommitmentStatus.valueOf(c.status().name())))
                            .toList(),
                    r.standingReportsAgainst(),
                    r.confirmedReportsAgainst(),
                    reports(r.reportsAgainst()),
                    reports(r.reportsFiled()),
                    r.statements(),
                    r.validAt());
        }

        private static List<PartyReportResponse> reports(List<PartyRecord.ReportSummary> reports) {
            return reports.stream()
                    .map(s -> new PartyReportResponse(
                            s.commitmentId(),
                            s.violationId(),
                            s.reportedBy(),
                            s.accused(),
                            s.occurredAtUtc(),
                            s.standing(),
                            s.assessment()))
                    .toList();
        }
    }

    @Schema(name = "PartyCommitment", description = "A commitment the actor is a party to, with its status")
    public record PartyCommitmentResponse(
            @Schema(requiredMode = REQUIRED) String commitmentId,
            @Schema(requiredMode = REQUIRED) String title,
            @Schema(requiredMode = REQUIRED) String kind,
            @Schema(requiredMode = REQUIRED) CommitmentStatus status) {}

    @Schema(name = "PartyReport", description = "A violation report against the actor or filed by it")
    public record PartyReportResponse(
            @Schema(requiredMode = REQUIRED) String commitmentId,
            @Schema(requiredMode = REQUIRED) String violationId,
            @Schema(requiredMode = REQUIRED) String reportedBy,
            @Schema(requiredMode = REQUIRED) String accused,
            @Schema(requiredMode = REQUIRED) Instant occurredAtUtc,
            boolean standing,
            String assessment) {}
}

package org.negotiationledger.api.view;

import static io.swagger.v3.oas.annotations.media.Schema.RequiredMode.REQUIRED;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.List;
import org.negotiationledger.core.commitment.Casualties;
import org.negotiationledger.core.commitment.Location;
import org.negotiationledger.core.shared.Precision;
import org.negotiationledger.core.shared.StatedTime;
import org.negotiationledger.core.statement.StatementKind;
import org.negotiationledger.projections.fold.ActorState;
import org.negotiationledger.projections.fold.NegotiationState;
import org.negotiationledger.projections.fold.ReportState;
import org.negotiationledger.projections.fold.StatementState;

/**
 * The answers of the records a {@code Location} names: an actor, a negotiation, a round of talks, a violation
 * report. API records of their own, mapped from the folds' state, so that a fold can change without changing
 * what clients read. Each stated time is given as stated ({@code x}), with its precision and its UTC instant
 * ({@code xUtc}), as everywhere in the API.
 */
final class RecordResponses {

    private RecordResponses() {}

    record ActorResponse(
            @Schema(requiredMode = REQUIRED) String id,
            @Schema(requiredMode = REQUIRED) String name,
            @Schema(requiredMode = REQUIRED) String kind,
            @Schema(requiredMode = REQUIRED) Instant recordedAt) {

        static ActorResponse of(ActorState actor) {
            return new ActorResponse(actor.id(), actor.name(), actor.kind().name(), actor.recordedAt());
        }
    }

    record NegotiationResponse(
            @Schema(requiredMode = REQUIRED) String id,
            @Schema(requiredMode = REQUIRED) String title,
            @Schema(requiredMode = REQUIRED) List<String> parties,
            @Schema(requiredMode = REQUIRED) List<String> mediators,
            @Schema(requiredMode = REQUIRED) List<TalksResponse> talks,
            @Schema(requiredMode = REQUIRED) Instant recordedAt) {

        static NegotiationResponse of(NegotiationState negotiation) {
            return new NegotiationResponse(
                    negotiation.id(),
                    negotiation.title(),
                    negotiation.parties(),
                    negotiation.mediators(),
                    negotiation.talks().stream()
                            .map(t -> TalksResponse.of(negotiation.id(), t))
                            .toList(),
                    negotiation.recordedAt());
        }
    }

    record TalksResponse(
            @Schema(requiredMode = REQUIRED) String id,
            @Schema(requiredMode = REQUIRED) String negotiationId,
            @Schema(requiredMode = REQUIRED) String venue,
            @Schema(requiredMode = REQUIRED) String startedAt,
            @Schema(requiredMode = REQUIRED) Precision startedAtPrecision,
            @Schema(requiredMode = REQUIRED) Instant startedAtUtc,
            String endedAt,
            Precision endedAtPrecision,
            Instant endedAtUtc,
            @Schema(requiredMode = REQUIRED) List<ParticipantResponse> participants,
            String outcome,
            @Schema(requiredMode = REQUIRED) Instant recordedAt) {

        static TalksResponse of(String negotiationId, NegotiationState.Talks talks) {
            return new TalksResponse(
                    talks.id(),
                    negotiationId,
                    talks.venue(),
                    stated(talks.startedAt()),
                    precision(talks.startedAt()),
                    utc(talks.startedAt()),
                    stated(talks.endedAt()),
                    precision(talks.endedAt()),
                    utc(talks.endedAt()),
                    talks.participants().stream()
                            .map(p -> new ParticipantResponse(p.actor(), p.role()))
                            .toList(),
                    talks.outcome(),
                    talks.recordedAt());
        }
    }

    record ParticipantResponse(
            @Schema(requiredMode = REQUIRED) String actor,
            @Schema(requiredMode = REQUIRED) String role) {}

    /** A violation report with every finding on it (the latest counts) and its retraction, if any. */
    record ViolationReportResponse(
            @Schema(requiredMode = REQUIRED) String id,
            @Schema(requiredMode = REQUIRED) String commitmentId,
            @Schema(requiredMode = REQUIRED) String status,
            @Schema(requiredMode = REQUIRED) String reportedBy,
            @Schema(requiredMode = REQUIRED) String accused,
            @Schema(requiredMode = REQUIRED) String occurredAt,
            @Schema(requiredMode = REQUIRED) Precision occurredAtPrecision,
            @Schema(requiredMode = REQUIRED) Instant occurredAtUtc,

            @Schema(
                    description = "the end of the range the violation occurred in, as stated (it occurred sometime"
                            + " from occurredAt to occurredUntil); null when a single time was stated")
            String occurredUntil,

            Precision occurredUntilPrecision,
            Instant occurredUntilUtc,
            Location location,
            String description,
            Casualties casualties,
            String source,
            @Schema(requiredMode = REQUIRED) List<AssessmentResponse> assessments,
            RetractionResponse retraction,
            @Schema(requiredMode = REQUIRED) Instant recordedAt) {

        static ViolationReportResponse of(String commitmentId, ReportState report) {
            String status = report.retraction() != null
                    ? "RETRACTED"
                    : !report.standing() ? "UNFOUNDED" : report.confirmed() ? "CONFIRMED" : "STANDING";
            return new ViolationReportResponse(
                    report.violationId(),
                    commitmentId,
                    status,
                    report.reportedBy(),
                    report.accused(),
                    stated(report.occurredAt()),
                    precision(report.occurredAt()),
                    utc(report.occurredAt()),
                    report.occurredUntil() == null ? null : stated(report.occurredUntil()),
                    report.occurredUntil() == null ? null : precision(report.occurredUntil()),
                    report.occurredUntil() == null ? null : utc(report.occurredUntil()),
                    report.location(),
                    report.description(),
                    report.casualties(),
                    report.source(),
                    report.assessments().stream().map(AssessmentResponse::of).toList(),
                    report.retraction() == null
                            ? null
                            : new RetractionResponse(
                                    report.retraction().retractedBy(),
                                    report.retraction().reason(),
                                    report.retraction().recordedAt()),
                    report.recordedAt());
        }
    }

    record AssessmentResponse(
            @Schema(requiredMode = REQUIRED) String outcome,
            String attributedTo,
            @Schema(requiredMode = REQUIRED) String assessedBy,
            @Schema(requiredMode = REQUIRED) String assessedAt,
            @Schema(requiredMode = REQUIRED) Precision assessedAtPrecision,
            @Schema(requiredMode = REQUIRED) Instant assessedAtUtc,
            String note,
            @Schema(requiredMode = REQUIRED) Instant recordedAt) {

        static AssessmentResponse of(ReportState.Assessment a) {
            return new AssessmentResponse(
                    a.outcome().name(),
                    a.attributedTo(),
                    a.assessedBy(),
                    stated(a.assessedAt()),
                    precision(a.assessedAt()),
                    utc(a.assessedAt()),
                    a.note(),
                    a.recordedAt());
        }
    }

    /** A statement; the same shape in the list of statements and on its own. */
    record StatementResponse(
            @Schema(requiredMode = REQUIRED) String id,
            @Schema(requiredMode = REQUIRED) String author,
            String deliveredBy,
            @Schema(requiredMode = REQUIRED) String issuedAt,
            @Schema(requiredMode = REQUIRED) Precision issuedAtPrecision,
            @Schema(requiredMode = REQUIRED) Instant issuedAtUtc,
            @Schema(requiredMode = REQUIRED) List<StatementKind> kinds,
            @Schema(requiredMode = REQUIRED) String text,
            List<String> concerns,
            String source,
            @Schema(requiredMode = REQUIRED) Instant recordedAt) {

        static StatementResponse of(StatementState s) {
            return new StatementResponse(
                    s.id(),
                    s.author(),
                    s.deliveredBy(),
                    stated(s.issuedAt()),
                    precision(s.issuedAt()),
                    utc(s.issuedAt()),
                    s.kinds(),
                    s.text(),
                    s.concerns(),
                    s.source(),
                    s.recordedAt());
        }
    }

    record RetractionResponse(
            @Schema(requiredMode = REQUIRED) String retractedBy,
            @Schema(requiredMode = REQUIRED) String reason,
            @Schema(requiredMode = REQUIRED) Instant recordedAt) {}

    private static String stated(StatedTime time) {
        return time == null ? null : time.stated();
    }

    private static Precision precision(StatedTime time) {
        return time == null ? null : time.precision();
    }

    private static Instant utc(StatedTime time) {
        return time == null ? null : time.utc();
    }
}

package org.negotiationledger.api.view;

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

    private RecordResponses() {
    }

    record ActorResponse(String id, String name, String kind, Instant recordedAt) {

        static ActorResponse of(ActorState actor) {
            return new ActorResponse(actor.id(), actor.name(), actor.kind().name(), actor.recordedAt());
        }
    }

    record NegotiationResponse(String id, String title, List<String> parties, List<String> mediators,
            List<TalksResponse> talks, Instant recordedAt) {

        static NegotiationResponse of(NegotiationState negotiation) {
            return new NegotiationResponse(negotiation.id(), negotiation.title(), negotiation.parties(),
                    negotiation.mediators(),
                    negotiation.talks().stream().map(t -> TalksResponse.of(negotiation.id(), t)).toList(),
                    negotiation.recordedAt());
        }
    }

    record TalksResponse(String id, String negotiationId, String venue, String startedAt,
            Precision startedAtPrecision, Instant startedAtUtc, String endedAt, Precision endedAtPrecision,
            Instant endedAtUtc, List<ParticipantResponse> participants, String outcome, Instant recordedAt) {

        static TalksResponse of(String negotiationId, NegotiationState.Talks talks) {
            return new TalksResponse(talks.id(), negotiationId, talks.venue(), stated(talks.startedAt()),
                    precision(talks.startedAt()), utc(talks.startedAt()), stated(talks.endedAt()),
                    precision(talks.endedAt()), utc(talks.endedAt()),
                    talks.participants().stream().map(p -> new ParticipantResponse(p.actor(), p.role())).toList(),
                    talks.outcome(), talks.recordedAt());
        }
    }

    record ParticipantResponse(String actor, String role) {
    }

    /** A violation report with every finding on it (the latest counts) and its retraction, if any. */
    record ViolationReportResponse(String id, String commitmentId, String status, String reportedBy, String accused,
            String occurredAt, Precision occurredAtPrecision, Instant occurredAtUtc, Location location,
            String description, Casualties casualties, String source, List<AssessmentResponse> assessments,
            RetractionResponse retraction, Instant recordedAt) {

        static ViolationReportResponse of(String commitmentId, ReportState report) {
            String status = report.retraction() != null ? "RETRACTED"
                    : !report.standing() ? "UNFOUNDED" : report.confirmed() ? "CONFIRMED" : "STANDING";
            return new ViolationReportResponse(report.violationId(), commitmentId, status, report.reportedBy(),
                    report.accused(), stated(report.occurredAt()), precision(report.occurredAt()),
                    utc(report.occurredAt()), report.location(), report.description(), report.casualties(),
                    report.source(), report.assessments().stream().map(AssessmentResponse::of).toList(),
                    report.retraction() == null ? null : new RetractionResponse(report.retraction().retractedBy(),
                            report.retraction().reason(), report.retraction().recordedAt()),
                    report.recordedAt());
        }
    }

    record AssessmentResponse(String outcome, String attributedTo, String assessedBy, String assessedAt,
            Precision assessedAtPrecision, Instant assessedAtUtc, String note, Instant recordedAt) {

        static AssessmentResponse of(ReportState.Assessment a) {
            return new AssessmentResponse(a.outcome().name(), a.attributedTo(), a.assessedBy(), stated(a.assessedAt()),
                    precision(a.assessedAt()), utc(a.assessedAt()), a.note(), a.recordedAt());
        }
    }

    /** A statement; the same shape in the list of statements and on its own. */
    record StatementResponse(String id, String author, String deliveredBy, String issuedAt,
            Precision issuedAtPrecision, Instant issuedAtUtc, List<StatementKind> kinds, String text,
            List<String> concerns, String source, Instant recordedAt) {

        static StatementResponse of(StatementState s) {
            return new StatementResponse(s.id(), s.author(), s.deliveredBy(), stated(s.issuedAt()),
                    precision(s.issuedAt()), utc(s.issuedAt()), s.kinds(), s.text(), s.concerns(), s.source(),
                    s.recordedAt());
        }
    }

    record RetractionResponse(String retractedBy, String reason, Instant recordedAt) {
    }

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

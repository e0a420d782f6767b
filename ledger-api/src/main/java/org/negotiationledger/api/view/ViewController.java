package org.negotiationledger.api.view;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.util.List;
import org.negotiationledger.api.param.CommitmentKindName;
import org.negotiationledger.api.param.Hours;
import org.negotiationledger.api.param.Slug;
import org.negotiationledger.api.view.RecordResponses.StatementResponse;
import org.negotiationledger.api.view.ViewResponses.BrokenCommitmentResponse;
import org.negotiationledger.api.view.ViewResponses.CommitmentResponse;
import org.negotiationledger.api.view.ViewResponses.PartyRecordResponse;
import org.negotiationledger.api.view.ViewResponses.TimelineEntryResponse;
import org.negotiationledger.core.statement.StatementKind;
import org.negotiationledger.projections.fold.CommitmentView;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The views of http-api.md. Each takes {@code asOf} (a record time: only what the ledger had recorded by then)
 * and {@code validAt} (a valid time: statuses judged as they stood then), together or apart; without them,
 * the present. A record the ledger had not recorded by {@code asOf} is 404.
 */
@RestController
@RequestMapping(path = "/api/v1", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Views", description = "What the history shows: truce status, broken commitments, timelines, records.")
class ViewController {

    private static final String VALID_AT = "judge the view at this valid time (ISO-8601 with offset); default now";
    private static final String AS_OF = "only what the ledger had recorded by this record time (ISO-8601 with offset)";
    private final Views views;

    ViewController(Views views) {
        this.views = views;
    }

    @GetMapping("/commitments")
    @Operation(summary = "Every commitment's status")
    List<CommitmentResponse> commitments(
            @RequestParam(required = false) @Slug String negotiationId,
            @RequestParam(required = false) CommitmentView.Status status,
            @RequestParam(required = false) @CommitmentKindName String kind,
            @Parameter(description = AS_OF) @RequestParam(required = false) Instant asOf,
            @Parameter(description = VALID_AT) @RequestParam(required = false) Instant validAt) {
        return views.commitments(negotiationId, status, kind, views.moment(asOf, validAt)).stream()
                .map(CommitmentResponse::of)
                .toList();
    }

    @GetMapping("/commitments/broken")
    @Operation(
            summary = "Commitments whose first standing violation came within H hours of taking effect, shortest first")
    List<BrokenCommitmentResponse> broken(
            @RequestParam @Hours double withinHours,
            @RequestParam(required = false) @Slug String negotiationId,
            @RequestParam(required = false) @CommitmentKindName String kind,
            @Parameter(description = AS_OF) @RequestParam(required = false) Instant asOf,
            @Parameter(description = VALID_AT) @RequestParam(required = false) Instant validAt) {
        return BrokenCommitmentResponse.of(views.broken(withinHours, negotiationId, kind, views.moment(asOf, validAt)));
    }

    @GetMapping("/commitments/{commitmentId}")
    @Operation(summary = "One commitment's status")
    CommitmentResponse commitment(
            @PathVariable @Slug String commitmentId,
            @Parameter(description = AS_OF) @RequestParam(required = false) Instant asOf,
            @Parameter(description = VALID_AT) @RequestParam(required = false) Instant validAt) {
        return views.commitment(commitmentId, views.moment(asOf, validAt))
                .map(CommitmentResponse::of)
                .orElseThrow(() -> Views.notFound("no commitment '" + commitmentId + "'", asOf, validAt));
    }

    @GetMapping("/negotiations/{negotiationId}/timeline")
    @Operation(summary = "Every fact of a negotiation in valid-time order, each with its record time")
    List<TimelineEntryResponse> timeline(
            @PathVariable @Slug String negotiationId,
            @Parameter(description = AS_OF) @RequestParam(required = false) Instant asOf,
            @Parameter(description = VALID_AT) @RequestParam(required = false) Instant validAt) {
        return views.timeline(negotiationId, views.moment(asOf, validAt))
                .map(entries -> entries.stream().map(TimelineEntryResponse::of).toList())
                .orElseThrow(() -> Views.notFound("no negotiation '" + negotiationId + "'", asOf));
    }

    @GetMapping("/actors/{actorId}/record")
    @Operation(summary = "An actor's record: commitments as a party, reports against it and by it, statements")
    PartyRecordResponse record(
            @PathVariable @Slug String actorId,
            @Parameter(description = AS_OF) @RequestParam(required = false) Instant asOf,
            @Parameter(description = VALID_AT) @RequestParam(required = false) Instant validAt) {
        return views.partyRecord(actorId, views.moment(asOf, validAt))
                .map(PartyRecordResponse::of)
                .orElseThrow(() -> Views.notFound("no actor '" + actorId + "'", asOf));
    }

    @GetMapping("/statements")
    @Operation(summary = "Statements, newest first; filters author, kind and the record they concern")
    List<StatementResponse> statements(
            @RequestParam(required = false) @Slug String author,
            @RequestParam(required = false) StatementKind kind,
            @RequestParam(required = false) @Slug String concerns,
            @Parameter(description = AS_OF) @RequestParam(required = false) Instant asOf,
            @Parameter(description = VALID_AT) @RequestParam(required = false) Instant validAt) {
        return views
                .statements(author, kind == null ? null : kind.name(), concerns, views.moment(asOf, validAt))
                .stream()
                .map(StatementResponse::of)
                .toList();
    }
}

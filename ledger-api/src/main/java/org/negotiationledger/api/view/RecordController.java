package org.negotiationledger.api.view;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.util.List;
import org.negotiationledger.api.param.Slug;
import org.negotiationledger.api.view.RecordResponses.ActorResponse;
import org.negotiationledger.api.view.RecordResponses.NegotiationResponse;
import org.negotiationledger.api.view.RecordResponses.StatementResponse;
import org.negotiationledger.api.view.RecordResponses.TalksResponse;
import org.negotiationledger.api.view.RecordResponses.ViolationReportResponse;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The records themselves, one each, at the paths the {@code Location} of their {@code 201} names: an actor, a
 * negotiation, a round of talks, a violation report, a statement. (A commitment's is its status view.) Each
 * takes {@code asOf}: the record as the ledger knew it then.
 */
@RestController
@RequestMapping(path = "/api/v1", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Records", description = "Each record a command created, at the path its Location names.")
class RecordController {

    private static final String AS_OF = "the record as the ledger knew it at this record time (ISO-8601 with offset)";
    private final Views views;

    RecordController(Views views) {
        this.views = views;
    }

    @GetMapping("/actors/{actorId}")
    @Operation(summary = "One actor: its name and kind")
    ActorResponse actor(
            @PathVariable @Slug String actorId,
            @Parameter(description = AS_OF) @RequestParam(required = false) Instant asOf) {
        return views.actor(actorId, asOf)
                .map(ActorResponse::of)
                .orElseThrow(() -> Views.notFound("no actor '" + actorId + "'", asOf));
    }

    @GetMapping("/negotiations/{negotiationId}")
    @Operation(summary = "One negotiation: its title, parties, mediators and rounds of talks")
    NegotiationResponse negotiation(
            @PathVariable @Slug String negotiationId,
            @Parameter(description = AS_OF) @RequestParam(required = false) Instant asOf) {
        return views.negotiation(negotiationId, asOf)
                .map(NegotiationResponse::of)
                .orElseThrow(() -> Views.notFound("no negotiation '" + negotiationId + "'", asOf));
    }

    @GetMapping("/negotiations/{negotiationId}/talks/{talksId}")
    @Operation(summary = "One round of talks of a negotiation")
    TalksResponse talks(
            @PathVariable @Slug String negotiationId,
            @PathVariable @Slug String talksId,
            @Parameter(description = AS_OF) @RequestParam(required = false) Instant asOf) {
        return views.negotiation(negotiationId, asOf)
                .flatMap(n -> n.talks().stream()
                        .filter(t -> t.id().equals(talksId))
                        .findFirst()
                        .map(t -> TalksResponse.of(n.id(), t)))
                .orElseThrow(() ->
                        Views.notFound("no talks '" + talksId + "' in negotiation '" + negotiationId + "'", asOf));
    }

    @GetMapping("/commitments/{commitmentId}/violations")
    @Operation(
            summary = "A commitment's violation reports, in the order recorded, each with its findings and "
                    + "retraction")
    List<ViolationReportResponse> violations(
            @PathVariable @Slug String commitmentId,
            @Parameter(description = AS_OF) @RequestParam(required = false) Instant asOf) {
        return views.reports(commitmentId, asOf)
                .map(reports -> reports.stream()
                        .map(r -> ViolationReportResponse.of(commitmentId, r))
                        .toList())
                .orElseThrow(() -> Views.notFound("no commitment '" + commitmentId + "'", asOf));
    }

    @GetMapping("/commitments/{commitmentId}/violations/{violationId}")
    @Operation(summary = "One violation report, with every finding on it and its retraction")
    ViolationReportResponse violation(
            @PathVariable @Slug String commitmentId,
            @PathVariable @Slug String violationId,
            @Parameter(description = AS_OF) @RequestParam(required = false) Instant asOf) {
        return views.report(commitmentId, violationId, asOf)
                .map(r -> ViolationReportResponse.of(commitmentId, r))
                .orElseThrow(() -> Views.notFound(
                        "no violation report '" + violationId + "' on commitment '" + commitmentId + "'", asOf));
    }

    @GetMapping("/statements/{statementId}")
    @Operation(summary = "One statement")
    StatementResponse statement(
            @PathVariable @Slug String statementId,
            @Parameter(description = AS_OF) @RequestParam(required = false) Instant asOf) {
        return views.statement(statementId, asOf)
                .map(StatementResponse::of)
                .orElseThrow(() -> Views.notFound("no statement '" + statementId + "'", asOf));
    }
}

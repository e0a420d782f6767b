package org.negotiationledger.api.command;

import static org.negotiationledger.api.command.Requests.parse;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.time.Clock;
import org.negotiationledger.api.command.CommandRequests.AgreeTruceRequest;
import org.negotiationledger.api.command.CommandRequests.AssessViolationRequest;
import org.negotiationledger.api.command.CommandRequests.EndCommitmentRequest;
import org.negotiationledger.api.command.CommandRequests.MakePledgeRequest;
import org.negotiationledger.api.command.CommandRequests.ReportViolationRequest;
import org.negotiationledger.api.command.CommandRequests.RetractViolationReportRequest;
import org.negotiationledger.core.commitment.AgreeTruce;
import org.negotiationledger.core.commitment.AssessViolation;
import org.negotiationledger.core.commitment.Casualties;
import org.negotiationledger.core.commitment.EndCommitment;
import org.negotiationledger.core.commitment.MakePledge;
import org.negotiationledger.core.commitment.ReportViolation;
import org.negotiationledger.core.commitment.RetractViolationReport;
import org.negotiationledger.core.shared.ActorId;
import org.negotiationledger.core.shared.CommitmentId;
import org.negotiationledger.core.shared.NegotiationId;
import org.negotiationledger.core.shared.ViolationId;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Truces and pledges (one id space: commitments), their ends, and the violation reports against them. */
@RestController
@RequestMapping(path = "/api/v1", consumes = MediaType.APPLICATION_JSON_VALUE,
        produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Commands")
class CommitmentCommandController {

    private final LedgerCommands ledger;
    private final Clock clock;

    CommitmentCommandController(LedgerCommands ledger, Clock clock) {
        this.ledger = ledger;
        this.clock = clock;
    }

    @PostMapping("/truces")
    @Operation(summary = "AgreeTruce: record a ceasefire-type commitment (it may renew or supersede earlier ones)")
    ResponseEntity<CommandResponses> agreeTruce(@Valid @RequestBody AgreeTruceRequest body,
            @RequestHeader(name = Requests.IDEMPOTENCY_KEY, required = false) String key) {
        String id = Requests.idOrNew(body.id());
        var command = new AgreeTruce(CommitmentId.of(id), NegotiationId.of(body.negotiationId()), body.kind(),
                body.title(), Requests.actors(body.parties()), Requests.actors(body.brokers()), body.venue(),
                parse(body.agreedAt(), body.agreedAtPrecision()),
                parse(body.effectiveFrom(), body.effectiveFromPrecision()),
                parse(body.expiresAt(), body.expiresAtPrecision()), body.terms(),
                body.renews() == null ? null : CommitmentId.of(body.renews()),
                Requests.map(body.supersedes(), CommitmentId::of), body.source(), clock.instant());
        return submit(command, id, commitmentPath(id), command.id().toString(), body, key);
    }

    @PostMapping("/pledges")
    @Operation(summary = "MakePledge: record an undertaking other than a truce (e.g. to spare civilians)")
    ResponseEntity<CommandResponses> makePledge(@Valid @RequestBody MakePledgeRequest body,
            @RequestHeader(name = Requests.IDEMPOTENCY_KEY, required = false) String key) {
        String id = Requests.idOrNew(body.id());
        var command = new MakePledge(CommitmentId.of(id), NegotiationId.of(body.negotiationId()), body.kind(),
                body.title(), Requests.actors(body.parties()), Requests.actors(body.brokers()), body.venue(),
                parse(body.madeAt(), body.madeAtPrecision()),
                parse(body.effectiveFrom(), body.effectiveFromPrecision()), body.terms(), body.source(), clock.instant());
        return submit(command, id, commitmentPath(id), command.id().toString(), body, key);
    }

    @PostMapping("/commitments/{commitmentId}/end")
    @Operation(summary = "EndCommitment: end a commitment explicitly (expired, terminated, superseded, collapsed)")
    ResponseEntity<CommandResponses> end(@PathVariable CommitmentId commitmentId,
            @Valid @RequestBody EndCommitmentRequest body,
            @RequestHeader(name = Requests.IDEMPOTENCY_KEY, required = false) String key) {
        var command = new EndCommitment(commitmentId, body.reason(), parse(body.endedAt(), body.endedAtPrecision()),
                body.note(), clock.instant(), body.expectedVersion());
        return submit(command, commitmentId.value(), commitmentPath(commitmentId.value()), null, body, key);
    }

    @PostMapping("/commitments/{commitmentId}/violations")
    @Operation(summary = "ReportViolation: record one party's claim that a commitment was broken")
    ResponseEntity<CommandResponses> report(@PathVariable CommitmentId commitmentId,
            @Valid @RequestBody ReportViolationRequest body,
            @RequestHeader(name = Requests.IDEMPOTENCY_KEY, required = false) String key) {
        String id = Requests.idOrNew(body.id());
        var location = body.location() == null ? null : body.location().toLocation();
        var casualties = body.casualties() == null ? null
                : new Casualties(body.casualties().killed(), body.casualties().injured());
        var command = new ReportViolation(commitmentId, ViolationId.of(id), ActorId.of(body.reportedBy()),
                ActorId.of(body.accused()), parse(body.occurredAt(), body.occurredAtPrecision()), location,
                body.description(), casualties, body.source(), clock.instant(), body.expectedVersion());
        return submit(command, id, violationPath(commitmentId, id), null, body, key);
    }

    @PostMapping("/commitments/{commitmentId}/violations/{violationId}/assessment")
    @Operation(summary = "AssessViolation: record a verifier's finding on a report")
    ResponseEntity<CommandResponses> assess(@PathVariable CommitmentId commitmentId,
            @PathVariable ViolationId violationId, @Valid @RequestBody AssessViolationRequest body,
            @RequestHeader(name = Requests.IDEMPOTENCY_KEY, required = false) String key) {
        var command = new AssessViolation(commitmentId, violationId, body.outcome(),
                Requests.actorOrNull(body.attributedTo()), ActorId.of(body.assessedBy()),
                parse(body.assessedAt(), body.assessedAtPrecision()), body.note(), clock.instant(),
                body.expectedVersion());
        return submit(command, violationId.value(), violationPath(commitmentId, violationId.value()), null, body, key);
    }

    @PostMapping("/commitments/{commitmentId}/violations/{violationId}/retraction")
    @Operation(summary = "RetractViolationReport: withdraw a report (its reporter, a broker or a mediator)")
    ResponseEntity<CommandResponses> retract(@PathVariable CommitmentId commitmentId,
            @PathVariable ViolationId violationId, @Valid @RequestBody RetractViolationReportRequest body,
            @RequestHeader(name = Requests.IDEMPOTENCY_KEY, required = false) String key) {
        var command = new RetractViolationReport(commitmentId, violationId, ActorId.of(body.retractedBy()),
                body.reason(), body.expectedVersion());
        return submit(command, violationId.value(), violationPath(commitmentId, violationId.value()), null, body, key);
    }

    private ResponseEntity<CommandResponses> submit(Object command, String id, String location, String createsStream,
            Object body, String key) {
        return CommandResponses.submit(ledger, new LedgerCommands.Submission(command, id, location, createsStream, body), key);
    }

    private static String commitmentPath(String id) {
        return "/api/v1/commitments/" + id;
    }

    private static String violationPath(CommitmentId commitment, String violation) {
        return commitmentPath(commitment.value()) + "/violations/" + violation;
    }
}

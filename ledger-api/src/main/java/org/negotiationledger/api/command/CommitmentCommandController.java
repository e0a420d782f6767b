package org.negotiationledger.api.command;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.negotiationledger.api.command.CommandRequests.AgreeTruceRequest;
import org.negotiationledger.api.command.CommandRequests.AssessViolationRequest;
import org.negotiationledger.api.command.CommandRequests.EndCommitmentRequest;
import org.negotiationledger.api.command.CommandRequests.ExtendCommitmentRequest;
import org.negotiationledger.api.command.CommandRequests.MakePledgeRequest;
import org.negotiationledger.api.command.CommandRequests.ReportViolationRequest;
import org.negotiationledger.api.command.CommandRequests.RetractViolationReportRequest;
import org.negotiationledger.core.shared.CommitmentId;
import org.negotiationledger.core.shared.ViolationId;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Truces and pledges (one id space: commitments), their ends, and the violation reports against them. The path
 * variables are parameters for the contract (the API document lists them, and a malformed id is refused naming
 * its parameter before the body is read); {@link CommandEndpoints} takes their values from the matched path.
 */
@RestController
@RequestMapping(consumes = MediaType.APPLICATION_JSON_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Commands")
class CommitmentCommandController {

    private final CommandEndpoints commands;

    CommitmentCommandController(CommandEndpoints commands) {
        this.commands = commands;
    }

    @PostMapping(CommandRoutes.TRUCES)
    @Operation(summary = "AgreeTruce: record a ceasefire-type commitment (it may renew or supersede earlier ones)")
    ResponseEntity<CommandResponses> agreeTruce(
            @Valid @RequestBody AgreeTruceRequest body,
            @RequestHeader(name = Requests.IDEMPOTENCY_KEY, required = false) String key) {
        return commands.submit(body, key);
    }

    @PostMapping(CommandRoutes.PLEDGES)
    @Operation(summary = "MakePledge: record an undertaking other than a truce (e.g. to spare civilians)")
    ResponseEntity<CommandResponses> makePledge(
            @Valid @RequestBody MakePledgeRequest body,
            @RequestHeader(name = Requests.IDEMPOTENCY_KEY, required = false) String key) {
        return commands.submit(body, key);
    }

    @PostMapping(CommandRoutes.END)
    @Operation(
            operationId = "endCommitment",
            summary = "EndCommitment: end a commitment explicitly (expired, terminated, superseded, collapsed)")
    ResponseEntity<CommandResponses> end(
            @PathVariable CommitmentId commitmentId,
            @Valid @RequestBody EndCommitmentRequest body,
            @RequestHeader(name = Requests.IDEMPOTENCY_KEY, required = false) String key) {
        return commands.submit(body, key);
    }

    @PostMapping(CommandRoutes.EXTENSION)
    @Operation(
            operationId = "extendCommitment",
            summary =
                    "ExtendCommitment: move a truce's expiry later; the same truce runs on (agreed before it expires)")
    ResponseEntity<CommandResponses> extend(
            @PathVariable CommitmentId commitmentId,
            @Valid @RequestBody ExtendCommitmentRequest body,
            @RequestHeader(name = Requests.IDEMPOTENCY_KEY, required = false) String key) {
        return commands.submit(body, key);
    }

    @PostMapping(CommandRoutes.VIOLATIONS)
    @Operation(
            operationId = "reportViolation",
            summary = "ReportViolation: record one party's claim that a commitment was broken")
    ResponseEntity<CommandResponses> report(
            @PathVariable CommitmentId commitmentId,
            @Valid @RequestBody ReportViolationRequest body,
            @RequestHeader(name = Requests.IDEMPOTENCY_KEY, required = false) String key) {
        return commands.submit(body, key);
    }

    @PostMapping(CommandRoutes.ASSESSMENT)
    @Operation(operationId = "assessViolation", summary = "AssessViolation: record a verifier's finding on a report")
    ResponseEntity<CommandResponses> assess(
            @PathVariable CommitmentId commitmentId,
            @PathVariable ViolationId violationId,
            @Valid @RequestBody AssessViolationRequest body,
            @RequestHeader(name = Requests.IDEMPOTENCY_KEY, required = false) String key) {
        return commands.submit(body, key);
    }

    @PostMapping(CommandRoutes.RETRACTION)
    @Operation(
            operationId = "retractViolationReport",
            summary = "RetractViolationReport: withdraw a report (its reporter, a broker or a mediator)")
    ResponseEntity<CommandResponses> retract(
            @PathVariable CommitmentId commitmentId,
            @PathVariable ViolationId violationId,
            @Valid @RequestBody RetractViolationReportRequest body,
            @RequestHeader(name = Requests.IDEMPOTENCY_KEY, required = false) String key) {
        return commands.submit(body, key);
    }
}

package org.negotiationledger.api.command;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.negotiationledger.api.command.CommandRequests.OpenNegotiationRequest;
import org.negotiationledger.api.command.CommandRequests.RecordTalksRequest;
import org.negotiationledger.core.shared.NegotiationId;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Negotiations and their rounds of talks (the path variable: as {@link CommitmentCommandController} says). */
@RestController
@RequestMapping(consumes = MediaType.APPLICATION_JSON_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Commands")
class NegotiationCommandController {

    private final CommandEndpoints commands;

    NegotiationCommandController(CommandEndpoints commands) {
        this.commands = commands;
    }

    @PostMapping(CommandRoutes.NEGOTIATIONS)
    @Operation(
            operationId = "openNegotiation",
            summary = "OpenNegotiation: open a peace process between parties, with its mediators")
    ResponseEntity<CommandResponses> open(
            @Valid @RequestBody OpenNegotiationRequest body,
            @RequestHeader(name = Requests.IDEMPOTENCY_KEY, required = false) String key) {
        return commands.submit(body, key);
    }

    @PostMapping(CommandRoutes.TALKS)
    @Operation(operationId = "recordTalks", summary = "RecordTalks: record a round of talks held under a negotiation")
    ResponseEntity<CommandResponses> talks(
            @PathVariable NegotiationId negotiationId,
            @Valid @RequestBody RecordTalksRequest body,
            @RequestHeader(name = Requests.IDEMPOTENCY_KEY, required = false) String key) {
        return commands.submit(body, key);
    }
}

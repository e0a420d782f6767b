package org.negotiationledger.api.command;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.negotiationledger.api.command.CommandRequests.IssueStatementRequest;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping(consumes = MediaType.APPLICATION_JSON_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Commands")
class StatementCommandController {

    private final CommandEndpoints commands;

    StatementCommandController(CommandEndpoints commands) {
        this.commands = commands;
    }

    @PostMapping(CommandRoutes.STATEMENTS)
    @Operation(
            operationId = "issueStatement",
            summary = "IssueStatement: record what an actor said about negotiations or commitments")
    ResponseEntity<CommandResponses> issue(
            @Valid @RequestBody IssueStatementRequest body,
            @RequestHeader(name = Requests.IDEMPOTENCY_KEY, required = false) String key) {
        return commands.submit(body, key);
    }
}

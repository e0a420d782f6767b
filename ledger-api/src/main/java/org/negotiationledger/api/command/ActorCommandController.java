package org.negotiationledger.api.command;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.negotiationledger.api.command.CommandRequests.RegisterActorRequest;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping(consumes = MediaType.APPLICATION_JSON_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Commands", description = "Mediators record what was agreed, pledged, reported and said.")
class ActorCommandController {

    private final CommandEndpoints commands;

    ActorCommandController(CommandEndpoints commands) {
        this.commands = commands;
    }

    @PostMapping(CommandRoutes.ACTORS)
    @Operation(
            operationId = "registerActor",
            summary = "RegisterActor: register a state, organization or office that records may refer to")
    ResponseEntity<CommandResponses> register(
            @Valid @RequestBody RegisterActorRequest body,
            @RequestHeader(name = Requests.IDEMPOTENCY_KEY, required = false) String key) {
        return commands.submit(body, key);
    }
}

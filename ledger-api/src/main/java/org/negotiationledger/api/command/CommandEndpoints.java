package org.negotiationledger.api.command;

import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.springframework.web.servlet.HandlerMapping;

/**
 * What every command endpoint does, so that a controller's method is only its door (its mapping, its body's
 * type, its description for the API document): the route of the mapping it was reached through turns the body
 * and the path's variables into the command ({@link CommandRoutes}, as for a line of an import), and the command
 * is submitted as the request's principal, under its {@code Idempotency-Key}: 201, with the record's location.
 */
@Component
class CommandEndpoints {

    private final LedgerCommands ledger;
    private final Clock clock;

    CommandEndpoints(LedgerCommands ledger, Clock clock) {
        this.ledger = ledger;
        this.clock = clock;
    }

    ResponseEntity<CommandResponses> submit(Object body, String idempotencyKey) {
        HttpServletRequest request =
                ((ServletRequestAttributes) RequestContextHolder.currentRequestAttributes()).getRequest();
        String pattern = String.valueOf(request.getAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE));
        @SuppressWarnings("unchecked")
        Map<String, String> variables =
                (Map<String, String>) request.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE);
        CommandRoutes.Route<?> route = CommandRoutes.at(pattern)
                .orElseThrow(() -> new IllegalStateException("no command route for " + pattern));
        LedgerCommands.Submission submission =
                route.submission(variables == null ? Map.of() : variables, body, clock.instant());
        LedgerCommands.Accepted accepted = ledger.submit(
                submission, Requests.principal(), Requests.idempotencyKey(idempotencyKey), Requests.path());
        return ResponseEntity.created(accepted.location())
                .body(new CommandResponses(accepted.id(), accepted.version()));
    }
}

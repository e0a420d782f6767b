package org.negotiationledger.api.command;

import org.springframework.http.ResponseEntity;

/** The body of a 201: the record's id and new version; and the one way a controller submits a command. */
public record CommandResponses(String id, long version) {

    /** Submits a command posted over HTTP, as the request's principal and under its Idempotency-Key: 201. */
    static ResponseEntity<CommandResponses> submit(
            LedgerCommands ledger, LedgerCommands.Submission submission, String idempotencyKey) {
        LedgerCommands.Accepted accepted = ledger.submit(
                submission, Requests.principal(), Requests.idempotencyKey(idempotencyKey), Requests.path());
        return ResponseEntity.created(accepted.location())
                .body(new CommandResponses(accepted.id(), accepted.version()));
    }
}

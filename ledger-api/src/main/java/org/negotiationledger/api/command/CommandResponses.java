package org.negotiationledger.api.command;

import org.springframework.http.ResponseEntity;

/** The body of a 201: the record's id and new version. */
public record CommandResponses(String id, long version) {

    static ResponseEntity<CommandResponses> created(LedgerCommands.Accepted accepted) {
        return ResponseEntity.created(accepted.location()).body(new CommandResponses(accepted.id(), accepted.version()));
    }
}

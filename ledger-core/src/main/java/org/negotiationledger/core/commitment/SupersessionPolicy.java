package org.negotiationledger.core.commitment;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventhandling.EventHandler;
import org.negotiationledger.core.shared.CommitmentId;

/**
 * When a truce supersedes earlier commitments, each of them is told, so that it ends when the new one takes
 * effect and refuses reports of violations after that. Runs in the same unit of work (and transaction) as
 * the truce's agreement: the agreement and the supersessions are recorded together or not at all.
 */
public class SupersessionPolicy {

    private final CommandGateway commands;

    public SupersessionPolicy(CommandGateway commands) {
        this.commands = commands;
    }

    @EventHandler
    void on(TruceAgreed event) {
        for (CommitmentId superseded : event.supersedes()) {
            commands.sendAndWait(new SupersedeCommitment(superseded, event.id(), event.effectiveFrom()));
        }
    }
}

package org.negotiationledger.core.commitment;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.negotiationledger.core.shared.CommitmentId;

/**
 * Make an undertaking other than a truce: what every commitment states ({@link Undertaking}, its
 * {@code agreedAt} the pledge's {@code madeAt}), of a pledge's kind. {@code receivedAt}: when the ledger
 * received the command (the server's clock), which {@code madeAt} may not be after.
 */
public record MakePledge(
        @TargetAggregateIdentifier CommitmentId id, PledgeKind kind, Undertaking undertaking, Instant receivedAt) {}

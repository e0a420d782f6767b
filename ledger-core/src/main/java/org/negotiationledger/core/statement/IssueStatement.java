package org.negotiationledger.core.statement;

import java.time.Instant;
import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.negotiationledger.core.shared.ActorId;
import org.negotiationledger.core.shared.StatedTime;
import org.negotiationledger.core.shared.StatementId;

/**
 * Record a statement. {@code concerns} holds ids of the negotiations and commitments it is about;
 * {@code deliveredBy} (a person's name and office) and {@code source} may be null.
 * {@code receivedAt}: when the ledger received the command (the server's clock), which {@code issuedAt} may
 * not be after.
 */
public record IssueStatement(
        @TargetAggregateIdentifier StatementId id,
        ActorId author,
        String deliveredBy,
        StatedTime issuedAt,
        List<StatementKind> kinds,
        String text,
        List<String> concerns,
        String source,
        Instant receivedAt) {}

package org.negotiationledger.core.statement;

import java.util.List;
import org.axonframework.serialization.Revision;
import org.negotiationledger.core.shared.ActorId;
import org.negotiationledger.core.shared.StatedTime;
import org.negotiationledger.core.shared.StatementId;

/** A statement was issued. Lists are never null. */
@Revision("1") // the stored shape: raise it, with an upcaster, when a field changes (docs/domain.md)
public record StatementIssued(
        StatementId id,
        ActorId author,
        String deliveredBy,
        StatedTime issuedAt,
        List<StatementKind> kinds,
        String text,
        List<String> concerns,
        String source) {}

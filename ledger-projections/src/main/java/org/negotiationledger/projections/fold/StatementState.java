package org.negotiationledger.projections.fold;

import java.time.Instant;
import java.util.List;
import org.negotiationledger.core.shared.StatedTime;
import org.negotiationledger.core.statement.StatementKind;

/** A statement as the views show it. */
public record StatementState(
        String id,
        String author,
        String deliveredBy,
        StatedTime issuedAt,
        List<StatementKind> kinds,
        String text,
        List<String> concerns,
        String source,
        Instant recordedAt) {}

package org.negotiationledger.core.commitment;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.negotiationledger.core.shared.ActorId;
import org.negotiationledger.core.shared.CommitmentId;
import org.negotiationledger.core.shared.StatedTime;
import org.negotiationledger.core.shared.ViolationId;

/**
 * Report a violation of a commitment: a claim, not a verdict. {@code receivedAt} is when the ledger
 * received the report, stamped by the server (never by the client): an occurrence after it is refused.
 * {@code occurredUntil}: null, or the end of the range the violation occurred in (from {@code occurredAt}).
 */
public record ReportViolation(
        @TargetAggregateIdentifier CommitmentId commitmentId,
        ViolationId violationId,
        ActorId reportedBy,
        ActorId accused,
        StatedTime occurredAt,
        StatedTime occurredUntil,
        Location location,
        String description,
        Casualties casualties,
        String source,
        Instant receivedAt,
        Long expectedVersion) {}

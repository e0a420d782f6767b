package org.negotiationledger.api.audit;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;

/**
 * One stored event as auditors see it. {@code aggregateId} is the record's id as clients know it and
 * {@code aggregateType} its kind ({@code actor}, {@code negotiation}, {@code commitment}, {@code statement});
 * {@code recordedAt} is the record time the ledger stamped; {@code principal} who posted the command. The
 * rest makes an export self-contained for verification: the payload's stored type and revision, and the
 * metadata, which carries the event's {@code digest}.
 */
public record AuditEvent(
        long globalIndex,
        String aggregateId,
        String aggregateType,
        long sequence,
        String type,
        Instant recordedAt,
        String principal,
        String eventId,
        String payloadType,
        String payloadRevision,
        JsonNode metadata,
        JsonNode payload) {}

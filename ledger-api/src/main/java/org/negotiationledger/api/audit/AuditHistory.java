package org.negotiationledger.api.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.negotiationledger.api.config.AxonConfig;
import org.negotiationledger.core.shared.ActorId;
import org.negotiationledger.core.shared.CommitmentId;
import org.negotiationledger.core.shared.NegotiationId;
import org.negotiationledger.core.shared.RecordId;
import org.negotiationledger.core.shared.StatementId;
import org.negotiationledger.seal.Seal;
import org.negotiationledger.seal.events.EventTables;
import org.negotiationledger.seal.events.StoredEvent;
import org.springframework.stereotype.Repository;

/** Reads the event table directly ({@link EventTables}), in global order, as the audit endpoints show it. */
@Repository
public class AuditHistory {

    /** What to read: from a global index, optionally one record's events, optionally as of a record time. */
    public record Filter(long fromIndex, String aggregateId, Instant asOf, Integer limit) {}

    private final EventTables events;
    private final ObjectMapper json;

    public AuditHistory(EventTables events, ObjectMapper json) {
        this.events = events;
        this.json = json;
    }

    public List<AuditEvent> page(Filter filter) {
        List<AuditEvent> page = new ArrayList<>();
        stream(filter, page::add);
        return page;
    }

    /** Hands each matching event to {@code sink} as it is read, so an export of any size runs in little memory. */
    public void stream(Filter filter, Consumer<AuditEvent> sink) {
        EventTables.Selection selection = EventTables.Selection.from(filter.fromIndex());
        if (filter.aggregateId() != null) {
            // A slug may name records of several kinds (an actor and a negotiation, say): show them all.
            String slug = filter.aggregateId();
            selection = selection.inStreams(List.of(
                    ActorId.KIND + ":" + slug,
                    NegotiationId.KIND + ":" + slug,
                    CommitmentId.KIND + ":" + slug,
                    StatementId.KIND + ":" + slug));
        }
        if (filter.asOf() != null) {
            selection = selection.recordedBy(filter.asOf());
        }
        events.forEach(selection.atMost(filter.limit()), 500, event -> sink.accept(toEvent(event)));
    }

    private AuditEvent toEvent(StoredEvent event) {
        String stream = event.aggregateIdentifier();
        String payloadType = event.payloadType();
        JsonNode metaData = read(event.metaData());
        JsonNode principal = metaData == null ? null : metaData.get(AxonConfig.PRINCIPAL);
        return new AuditEvent(
                event.globalIndex(),
                RecordId.slugOf(stream),
                RecordId.kindOf(stream),
                event.sequenceNumber(),
                Seal.eventType(payloadType),
                event.recordedAt(),
                principal == null || principal.isNull() ? null : principal.asText(),
                event.eventIdentifier(),
                payloadType,
                event.payloadRevision(),
                metaData,
                read(event.payload()));
    }

    private JsonNode read(byte[] bytes) {
        if (bytes == null) {
            return null;
        }
        try {
            return json.readTree(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException("a stored event is not JSON", e);
        }
    }
}

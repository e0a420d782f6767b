package org.negotiationledger.api.storage;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.axonframework.serialization.Serializer;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Checks every stored snapshot against the events it summarizes: the record's events up to the snapshot's
 * sequence, folded again, must give the state it holds. A snapshot's seal shows it belongs to its record's
 * chain, but anyone who can write the database can compute a new one; this check cannot be forged that way,
 * so a snapshot edited to sway later decisions is found by the auditor's verification.
 */
@Component
public class SnapshotAudit {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** A snapshot whose state is not what its record's events give. */
    public record Mismatch(String stream, long sequence) {}

    private final JdbcTemplate jdbc;
    private final LedgerSnapshotter snapshotter;
    private final Serializer snapshotSerializer;

    public SnapshotAudit(JdbcTemplate jdbc, LedgerSnapshotter snapshotter) {
        this.jdbc = jdbc;
        this.snapshotter = snapshotter;
        this.snapshotSerializer = LedgerSnapshotter.serializer();
    }

    /** The first snapshot, by record, that its events do not give; empty when all hold. */
    public Optional<Mismatch> firstMismatch() {
        List<Map<String, Object>> snapshots = jdbc.queryForList("SELECT aggregateIdentifier, sequenceNumber, "
                + "payloadType, payload FROM SnapshotEventEntry ORDER BY aggregateIdentifier, sequenceNumber");
        for (Map<String, Object> snapshot : snapshots) {
            String stream = (String) snapshot.get("aggregateIdentifier");
            long sequence = ((Number) snapshot.get("sequenceNumber")).longValue();
            if (!holds(stream, sequence, (String) snapshot.get("payloadType"), (byte[]) snapshot.get("payload"))) {
                return Optional.of(new Mismatch(stream, sequence));
            }
        }
        return Optional.empty();
    }

    private boolean holds(String stream, long sequence, String type, byte[] stored) {
        Optional<Class<?>> aggregate = snapshotter.recordType(type);
        if (aggregate.isEmpty()) {
            return false;
        }
        try {
            Optional<Object> state = snapshotter.stateAt(aggregate.get(), stream, sequence);
            return state.isPresent()
                    && canonical(JSON.readTree(snapshotSerializer
                                    .serialize(state.get(), byte[].class)
                                    .getData()))
                            .equals(canonical(JSON.readTree(stored)));
        } catch (IOException | RuntimeException unreadable) {
            return false;
        }
    }

    /** Sets are stored as arrays in no fixed order (a hash set's); objects compare regardless of order. */
    private static JsonNode canonical(JsonNode node) {
        if (node.isObject()) {
            ObjectNode copy = JSON.createObjectNode();
            node.fields().forEachRemaining(field -> copy.set(field.getKey(), canonical(field.getValue())));
            return copy;
        }
        if (node.isArray()) {
            List<JsonNode> elements = new ArrayList<>();
            node.forEach(element -> elements.add(canonical(element)));
            elements.sort(Comparator.comparing(JsonNode::toString));
            ArrayNode copy = JSON.createArrayNode();
            elements.forEach(copy::add);
            return copy;
        }
        return node;
    }
}

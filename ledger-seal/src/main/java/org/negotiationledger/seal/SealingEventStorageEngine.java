package org.negotiationledger.seal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.axonframework.common.DateTimeUtils;
import org.axonframework.eventhandling.DomainEventData;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventsourcing.eventstore.EventStoreException;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Axon's JDBC event storage, sealing each event as it is appended: its digest ({@link Seal}) is computed
 * from its content and the digest of the previous event of its record, and stored in its metadata, in the
 * same insert. A record's events are appended one writer at a time (a second writer of the same sequence
 * fails on the unique key), so the chain per record needs no lock across records or nodes.
 *
 * <p>Snapshots are sealed too: each names the digest of the event it was taken at and carries a digest of
 * its own over that and the state it holds. A snapshot whose seal does not match (edited, or left from
 * another history) is not used: the record is loaded from its events, which is slower, never wrong.
 */
public class SealingEventStorageEngine extends JdbcEventStorageEngine {

    private static final Logger LOG = LoggerFactory.getLogger(SealingEventStorageEngine.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    /** After which global index this ledger began to seal (its {@code ledger_seal} row): constant once set. */
    private volatile Long sealedAfter;

    public SealingEventStorageEngine(Builder builder) {
        super(builder);
    }

    @Override
    protected PreparedStatement appendEvents(
            Connection connection, List<? extends EventMessage<?>> events, Serializer serializer) throws SQLException {
        Map<String, byte[]> lastInBatch = new HashMap<>();
        List<EventMessage<?>> sealed = new ArrayList<>(events.size());
        long start = sealedAfter(connection);
        for (EventMessage<?> stated : events) {
            // Where sealing began is sealed into every event, so that it cannot be moved unseen.
            EventMessage<?> event = stated.andMetaData(Map.of(Seal.SEALED_AFTER, start));
            String stream = event instanceof DomainEventMessage<?> domain
                    ? domain.getAggregateIdentifier()
                    : event.getIdentifier();
            long sequence = event instanceof DomainEventMessage<?> domain ? domain.getSequenceNumber() : 0;
            byte[] previous = sequence == 0
                    ? Seal.ZERO
                    : lastInBatch.containsKey(stream)
                            ? lastInBatch.get(stream)
                            : storedDigest(connection, stream, sequence - 1);
            SerializedObject<byte[]> payload = event.serializePayload(serializer, byte[].class);
            byte[] metadata = event.serializeMetaData(serializer, byte[].class).getData();
            // The record time as it will be stored, read the way verification reads it.
            String recordedAt = Seal.storedTime(DateTimeUtils.formatInstant(event.getTimestamp()));
            byte[] digest = Seal.digest(
                    previous,
                    new Seal.Content(
                            stream,
                            sequence,
                            event.getIdentifier(),
                            payload.getType().getName(),
                            payload.getType().getRevision(),
                            recordedAt,
                            payload.getData(),
                            Seal.canonicalMetadata(read(metadata))));
            lastInBatch.put(stream, digest);
            sealed.add(event.andMetaData(Map.of(Seal.KEY, Seal.hex(digest))));
        }
        return super.appendEvents(connection, sealed, serializer);
    }

    @Override
    protected PreparedStatement appendSnapshot(
            Connection connection, DomainEventMessage<?> snapshot, Serializer serializer) throws SQLException {
        byte[] of = storedDigest(connection, snapshot.getAggregateIdentifier(), snapshot.getSequenceNumber());
        SerializedObject<byte[]> state = snapshot.serializePayload(serializer, byte[].class);
        byte[] digest = Seal.snapshotDigest(
                of,
                snapshot.getAggregateIdentifier(),
                snapshot.getSequenceNumber(),
                state.getType().getName(),
                state.getType().getRevision(),
                state.getData());
        return super.appendSnapshot(
                connection,
                snapshot.andMetaData(Map.of(Seal.SNAPSHOT_OF, Seal.hex(of), Seal.KEY, Seal.hex(digest))),
                serializer);
    }

    /**
     * Whether a record has an event at {@code sequence}: one look-up in the (record, sequence) key, however long
     * the record. Sequences are contiguous, so this answers both "does the record exist" (sequence 0) and "has
     * anyone appended after version v" (sequence v + 1), which a max or a descending scan answers on H2 only by
     * reading every event of the record.
     */
    public boolean hasEvent(String aggregateIdentifier, long sequence) {
        try (Connection connection = getConnection();
                PreparedStatement statement = connection.prepareStatement("SELECT 1 FROM " + schema().domainEventTable()
                        + " WHERE " + schema().aggregateIdentifierColumn() + " = ? AND "
                        + schema().sequenceNumberColumn() + " = ?")) {
            statement.setString(1, aggregateIdentifier);
            statement.setLong(2, sequence);
            try (ResultSet rows = statement.executeQuery()) {
                return rows.next();
            }
        } catch (SQLException e) {
            throw new EventStoreException("cannot read the record " + aggregateIdentifier, e);
        }
    }

    /** The record's snapshots whose seal holds; the others are passed over, and said so in the log. */
    @Override
    protected Stream<? extends DomainEventData<?>> readSnapshotData(String aggregateIdentifier) {
        List<? extends DomainEventData<?>> snapshots =
                super.readSnapshotData(aggregateIdentifier).toList();
        if (snapshots.isEmpty()) {
            return Stream.empty();
        }
        List<DomainEventData<?>> sealed = new ArrayList<>();
        try (Connection connection = getConnection()) {
            for (DomainEventData<?> snapshot : snapshots) {
                if (sealed(connection, snapshot)) {
                    sealed.add(snapshot);
                } else {
                    LOG.warn(
                            "The snapshot of {} at {} does not match its seal or its record's events; it is not used",
                            aggregateIdentifier,
                            snapshot.getSequenceNumber());
                }
            }
        } catch (SQLException e) {
            throw new EventStoreException("cannot check the snapshot of " + aggregateIdentifier, e);
        }
        return sealed.stream();
    }

    private boolean sealed(Connection connection, DomainEventData<?> snapshot) throws SQLException {
        JsonNode metadata = read((byte[]) snapshot.getMetaData().getData());
        JsonNode of = metadata.get(Seal.SNAPSHOT_OF);
        JsonNode digest = metadata.get(Seal.KEY);
        if (of == null || digest == null) {
            return false;
        }
        byte[] event = storedDigest(connection, snapshot.getAggregateIdentifier(), snapshot.getSequenceNumber());
        SerializedObject<?> state = snapshot.getPayload();
        return Seal.hex(event).equals(of.asText())
                && Seal.hex(Seal.snapshotDigest(
                                event,
                                snapshot.getAggregateIdentifier(),
                                snapshot.getSequenceNumber(),
                                state.getType().getName(),
                                state.getType().getRevision(),
                                (byte[]) state.getData()))
                        .equals(digest.asText());
    }

    private long sealedAfter(Connection connection) throws SQLException {
        Long known = sealedAfter;
        if (known == null) {
            try (PreparedStatement statement =
                            connection.prepareStatement("SELECT sealed_after_index FROM ledger_seal WHERE id = 1");
                    ResultSet rows = statement.executeQuery()) {
                known = rows.next() ? rows.getLong(1) : 0L;
            }
            sealedAfter = known;
        }
        return known;
    }

    /** The digest of a record's stored event; zero for an event stored before the ledger sealed events. */
    private byte[] storedDigest(Connection connection, String stream, long sequence) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("SELECT " + schema().metaDataColumn() + " FROM "
                + schema().domainEventTable() + " WHERE " + schema().aggregateIdentifierColumn() + " = ? AND "
                + schema().sequenceNumberColumn() + " = ?")) {
            statement.setString(1, stream);
            statement.setLong(2, sequence);
            try (ResultSet rows = statement.executeQuery()) {
                if (!rows.next()) {
                    return Seal.ZERO;
                }
                JsonNode digest = read(rows.getBytes(1)).get(Seal.KEY);
                return digest == null ? Seal.ZERO : Seal.unhex(digest.asText());
            }
        }
    }

    private static JsonNode read(byte[] json) {
        try {
            return json == null ? JSON.createObjectNode() : JSON.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

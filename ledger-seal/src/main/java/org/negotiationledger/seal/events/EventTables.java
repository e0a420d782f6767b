package org.negotiationledger.seal.events;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Stream;
import org.axonframework.common.DateTimeUtils;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.jdbc.JdbcException;
import org.axonframework.common.jdbc.JdbcUtils;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.GenericDomainEventEntry;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.axonframework.serialization.upcasting.event.EventUpcaster;
import org.axonframework.serialization.upcasting.event.InitialEventRepresentation;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.axonframework.serialization.upcasting.event.NoOpEventUpcaster;

/**
 * The one class that knows the layout of Axon's event table ({@code DomainEventEntry}) and token table
 * ({@code TokenEntry}) outside Axon's own storage engine: the head, the events in global order (a page, a
 * selection streamed to a sink, the events at given indexes), one event's global index, and a tracking
 * processor's position, read from its stored token and moved by claiming and storing it; and, for a restore into
 * an empty ledger, events appended exactly as another ledger stored them. A new reader of the history (a
 * transparency log, an import) asks here rather than writing SQL against Axon's tables.
 *
 * <p>Connections come from Axon's {@link ConnectionProvider}: in the server, Spring's, so every read runs in the
 * caller's transaction when there is one (a cursor with a fetch size needs one on PostgreSQL), as a
 * {@code JdbcTemplate} would. Failures pass through {@link SqlFailures}, so the server sees the same exceptions
 * it saw from its {@code JdbcTemplate}.
 */
public final class EventTables {

    // Axon's default names (EventSchema, TokenSchema), which the migrations create. Private on purpose: a public
    // constant would be compiled into every class that used it.
    private static final String EVENTS = "DomainEventEntry";
    private static final String TOKENS = "TokenEntry";
    private static final String COLUMNS = "globalIndex, aggregateIdentifier, sequenceNumber, eventIdentifier, "
            + "payloadType, payloadRevision, timeStamp, payload, metaData";

    /** Turns a failed statement into the exception the caller's world expects (Spring's, in the server). */
    @FunctionalInterface
    public interface SqlFailures {
        RuntimeException translate(String sql, SQLException failure);

        /** Axon's own: a {@link JdbcException} naming the statement. */
        SqlFailures AXON = (sql, failure) -> new JdbcException("could not read the event tables: " + sql, failure);
    }

    /**
     * Which events to read, in global order: from a global index on (or all), only some streams (or all), only
     * those recorded at or before a time (or all), at most a number (or all).
     */
    public record Selection(Long fromIndex, List<String> streams, Instant recordedAtOrBefore, Integer limit) {

        public Selection {
            streams = List.copyOf(streams);
        }

        public static Selection all() {
            return new Selection(null, List.of(), null, null);
        }

        public static Selection from(long fromIndex) {
            return new Selection(fromIndex, List.of(), null, null);
        }

        public Selection inStreams(List<String> only) {
            return new Selection(fromIndex, only, recordedAtOrBefore, limit);
        }

        public Selection recordedBy(Instant time) {
            return new Selection(fromIndex, streams, time, limit);
        }

        public Selection atMost(Integer events) {
            return new Selection(fromIndex, streams, recordedAtOrBefore, events);
        }
    }

    private final ConnectionProvider connections;
    private final Serializer serializer;
    private final EventUpcaster upcasters;
    private final TokenStore tokenStore;
    private final SqlFailures failures;

    /**
     * @param serializer the events' and tokens' serializer
     * @param tokenStore the processors' token store, through which a position is claimed and moved
     */
    public EventTables(
            ConnectionProvider connections, Serializer serializer, TokenStore tokenStore, SqlFailures failures) {
        this(connections, serializer, NoOpEventUpcaster.INSTANCE, tokenStore, failures);
    }

    /**
     * @param upcasters the event store's upcasters, through which {@link #payload} reads a stored event as
     *                  today's type (an event stored at an older revision)
     */
    public EventTables(
            ConnectionProvider connections,
            Serializer serializer,
            EventUpcaster upcasters,
            TokenStore tokenStore,
            SqlFailures failures) {
        this.connections = connections;
        this.serializer = serializer;
        this.upcasters = upcasters;
        this.tokenStore = tokenStore;
        this.failures = failures;
    }

    /** The head: the highest global index stored, 0 while the history is empty. */
    public long head() {
        return query("SELECT MAX(globalIndex) FROM " + EVENTS, rs -> rs.next() ? rs.getLong(1) : 0L);
    }

    /** Whether no event is stored yet (without counting them). */
    public boolean isEmpty() {
        return query("SELECT MIN(globalIndex) FROM " + EVENTS, rs -> !rs.next() || rs.getObject(1) == null);
    }

    /** How many events are stored. */
    public long count() {
        return query("SELECT COUNT(*) FROM " + EVENTS, rs -> rs.next() ? rs.getLong(1) : 0L);
    }

    /** The global index of the event with this identifier, if it is stored. */
    public OptionalLong globalIndexOf(String eventIdentifier) {
        return query(
                "SELECT globalIndex FROM " + EVENTS + " WHERE eventIdentifier = ?",
                rs -> rs.next() ? OptionalLong.of(rs.getLong(1)) : OptionalLong.empty(),
                eventIdentifier);
    }

    /** When the first event after a global index was recorded, if there is one. */
    public Optional<Instant> firstRecordedAfter(long globalIndex) {
        return query(
                "SELECT timeStamp FROM " + EVENTS
                        + " WHERE globalIndex > ? ORDER BY globalIndex FETCH FIRST 1 ROWS ONLY",
                rs -> rs.next() ? Optional.ofNullable(instant(rs.getObject(1))) : Optional.empty(),
                globalIndex);
    }

    /**
     * The events after global index {@code after} up to {@code upTo}, at most {@code limit} of them: a range of
     * the primary key, read in one short statement.
     */
    public List<StoredEvent> between(long after, long upTo, int limit) {
        return query(
                "SELECT " + COLUMNS + " FROM " + EVENTS + " WHERE globalIndex > ? AND globalIndex <= ? "
                        + "ORDER BY globalIndex FETCH FIRST " + limit + " ROWS ONLY",
                rs -> all(rs, limit),
                after,
                upTo);
    }

    /**
     * The events stored at these global indexes, in global order; one statement, so the caller keeps the list
     * to a few hundred.
     */
    public List<StoredEvent> at(Collection<Long> globalIndexes) {
        if (globalIndexes.isEmpty()) {
            return List.of();
        }
        return query(
                "SELECT " + COLUMNS + " FROM " + EVENTS + " WHERE globalIndex IN (" + placeholders(globalIndexes.size())
                        + ") ORDER BY globalIndex",
                rs -> all(rs, globalIndexes.size()),
                globalIndexes.toArray());
    }

    /**
     * Hands each selected event to {@code sink} as it is read, {@code fetchSize} rows at a time, so that a
     * history of any size is read in little memory. Each query is served by the primary key or the stream key.
     */
    public void forEach(Selection selection, int fetchSize, Consumer<StoredEvent> sink) {
        StringBuilder sql = new StringBuilder("SELECT " + COLUMNS + " FROM " + EVENTS);
        List<Object> args = new ArrayList<>();
        List<String> conditions = new ArrayList<>();
        if (selection.fromIndex() != null) {
            conditions.add("globalIndex >= ?");
            args.add(selection.fromIndex());
        }
        if (!selection.streams().isEmpty()) {
            conditions.add("aggregateIdentifier IN ("
                    + placeholders(selection.streams().size()) + ")");
            args.addAll(selection.streams());
        }
        if (selection.recordedAtOrBefore() != null) {
            // Stored as Axon's ISO-8601 text, to the millisecond, which orders as the times do.
            conditions.add("timeStamp <= ?");
            args.add(DateTimeUtils.formatInstant(selection.recordedAtOrBefore().truncatedTo(ChronoUnit.MILLIS)));
        }
        if (!conditions.isEmpty()) {
            sql.append(" WHERE ").append(String.join(" AND ", conditions));
        }
        sql.append(" ORDER BY globalIndex");
        if (selection.limit() != null) {
            sql.append(" LIMIT ?");
            args.add(selection.limit());
        }
        queryWith(
                sql.toString(),
                statement -> statement.setFetchSize(fetchSize),
                rs -> {
                    while (rs.next()) {
                        sink.accept(event(rs));
                    }
                    return null;
                },
                args.toArray());
    }

    /**
     * The event's payload, deserialized as the event store reads it: through the upcasters, from the revision it
     * was stored at to its type's current one. The ledger's upcasters turn one stored event into one event.
     */
    public Object payload(StoredEvent event) {
        if (upcasters == NoOpEventUpcaster.INSTANCE) {
            return serializer.deserialize(new SimpleSerializedObject<>(
                    event.payload(), byte[].class, event.payloadType(), event.payloadRevision()));
        }
        InitialEventRepresentation stored = new InitialEventRepresentation(
                new GenericDomainEventEntry<>(
                        null,
                        event.aggregateIdentifier(),
                        event.sequenceNumber(),
                        event.eventIdentifier(),
                        event.timeStamp(),
                        event.payloadType(),
                        event.payloadRevision(),
                        event.payload(),
                        event.metaData() == null ? NO_METADATA : event.metaData()),
                serializer);
        List<IntermediateEventRepresentation> today =
                upcasters.upcast(Stream.of(stored)).toList();
        if (today.size() != 1) {
            throw new IllegalStateException("the upcasters made " + today.size() + " events of the stored event "
                    + event.globalIndex() + " (" + event.payloadType() + "); the ledger's make one");
        }
        IntermediateEventRepresentation upcast = today.get(0);
        return serializer.deserialize(
                new SimpleSerializedObject<>(upcast.getData(byte[].class).getData(), byte[].class, upcast.getType()));
    }

    private static final byte[] NO_METADATA = {'{', '}'};

    /**
     * Appends events exactly as another ledger stored them, in the caller's transaction: their global indexes,
     * streams and sequences, identifiers, record times, payload types, revisions and bytes, and metadata (seals
     * included), so that they verify as they did there. Only for a restore into an empty ledger: nothing is
     * sealed or checked here, and the global indexes must be free ({@link #continueIndexesAfter} first).
     *
     * @param aggregateType the aggregate type Axon stores with a stream's events (its aggregate's class name)
     */
    public void appendAsStored(List<StoredEvent> events, Function<String, String> aggregateType) {
        String sql = "INSERT INTO " + EVENTS + " (" + COLUMNS + ", type) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
        update(sql, statement -> {
            for (StoredEvent event : events) {
                statement.setLong(1, event.globalIndex());
                statement.setString(2, event.aggregateIdentifier());
                statement.setLong(3, event.sequenceNumber());
                statement.setString(4, event.eventIdentifier());
                statement.setString(5, event.payloadType());
                statement.setString(6, event.payloadRevision());
                statement.setString(7, event.timeStamp());
                statement.setBytes(8, event.payload());
                statement.setBytes(9, event.metaData());
                statement.setString(10, aggregateType.apply(event.aggregateIdentifier()));
                statement.addBatch();
            }
            statement.executeBatch();
        });
    }

    /**
     * Makes the next event appended take a global index above {@code head}: the table's identity is moved past
     * the indexes a restore gives explicitly. On H2 this ends the caller's transaction (it is DDL); call it first.
     */
    public void continueIndexesAfter(long head) {
        update("ALTER TABLE " + EVENTS + " ALTER COLUMN globalIndex RESTART WITH " + (head + 1), statement -> {
            statement.executeUpdate();
        });
    }

    /**
     * Where a tracking processor has got to, by its stored token, whichever server holds it: the lowest
     * position of its segments, 0 before it has any.
     */
    public long position(String processorName) {
        List<Long> positions = query(
                "SELECT token, tokenType FROM " + TOKENS + " WHERE processorName = ?",
                rs -> {
                    List<Long> found = new ArrayList<>();
                    while (rs.next()) {
                        found.add(position(rs.getBytes(1), rs.getString(2)));
                    }
                    return found;
                },
                processorName);
        return positions.stream().mapToLong(Long::longValue).min().orElse(0L);
    }

    private long position(byte[] token, String type) {
        if (token == null || type == null) {
            return 0L;
        }
        TrackingToken tracking = serializer.deserialize(new SimpleSerializedObject<>(token, byte[].class, type, null));
        return tracking == null ? 0L : tracking.position().orElse(0L);
    }

    /**
     * Claims every segment of the processor's token, in the caller's transaction: the processor on this server
     * must have let it go (shut down), and a server that holds one makes this throw Axon's
     * {@code UnableToClaimTokenException}. The claim lasts until the transaction ends.
     */
    public ClaimedTokens claimTokens(String processorName) {
        int[] segments = tokenStore.fetchSegments(processorName);
        for (int segment : segments) {
            tokenStore.fetchToken(processorName, segment); // claims it, or throws if another server holds it
        }
        return new ClaimedTokens(processorName, segments);
    }

    /** A processor's token, claimed in the current transaction. */
    public final class ClaimedTokens {
        private final String processorName;
        private final int[] segments;

        private ClaimedTokens(String processorName, int[] segments) {
            this.processorName = processorName;
            this.segments = segments.clone();
        }

        /**
         * Moves every segment to {@code head}, remembering the missing indexes below it that may still fill (an
         * event whose transaction took its index but had not committed); nothing read while the history is empty.
         */
        public void moveTo(long head, Collection<Long> gaps) {
            TrackingToken token = head == 0 ? null : GapAwareTrackingToken.newInstance(head, gaps);
            for (int segment : segments) {
                tokenStore.storeToken(token, processorName, segment);
            }
        }
    }

    private static List<StoredEvent> all(ResultSet rs, int expected) throws SQLException {
        List<StoredEvent> events = new ArrayList<>(expected);
        while (rs.next()) {
            events.add(event(rs));
        }
        return events;
    }

    private static StoredEvent event(ResultSet rs) throws SQLException {
        return new StoredEvent(
                rs.getLong(1),
                rs.getString(2),
                rs.getLong(3),
                rs.getString(4),
                rs.getString(5),
                rs.getString(6),
                rs.getString(7),
                rs.getBytes(8),
                rs.getBytes(9));
    }

    /** Axon keeps the record time as ISO-8601 text; another schema may keep a timestamp. */
    private static Instant instant(Object value) {
        if (value instanceof Timestamp timestamp) {
            return timestamp.toInstant();
        }
        if (value instanceof OffsetDateTime offset) {
            return offset.toInstant();
        }
        return value == null ? null : Instant.parse(value.toString());
    }

    private static String placeholders(int count) {
        return "?, ".repeat(count - 1) + "?";
    }

    @FunctionalInterface
    private interface Results<T> {
        T read(ResultSet rs) throws SQLException;
    }

    @FunctionalInterface
    private interface Settings {
        void apply(PreparedStatement statement) throws SQLException;
    }

    private void update(String sql, Settings work) {
        Connection connection;
        try {
            connection = connections.getConnection();
        } catch (SQLException e) {
            throw failures.translate(sql, e);
        }
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            work.apply(statement);
        } catch (SQLException e) {
            throw failures.translate(sql, e);
        } finally {
            JdbcUtils.closeQuietly(connection);
        }
    }

    private <T> T query(String sql, Results<T> results, Object... args) {
        return queryWith(sql, statement -> {}, results, args);
    }

    private <T> T queryWith(String sql, Settings settings, Results<T> results, Object... args) {
        Connection connection;
        try {
            connection = connections.getConnection();
        } catch (SQLException e) {
            throw failures.translate(sql, e);
        }
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            settings.apply(statement);
            for (int i = 0; i < args.length; i++) {
                statement.setObject(i + 1, args[i]);
            }
            try (ResultSet rs = statement.executeQuery()) {
                return results.read(rs);
            }
        } catch (SQLException e) {
            throw failures.translate(sql, e);
        } finally {
            JdbcUtils.closeQuietly(connection);
        }
    }
}

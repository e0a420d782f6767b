package org.negotiationledger.api.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.axonframework.common.DateTimeUtils;
import org.negotiationledger.api.config.AxonConfig;
import org.negotiationledger.core.shared.ActorId;
import org.negotiationledger.core.shared.CommitmentId;
import org.negotiationledger.core.shared.NegotiationId;
import org.negotiationledger.core.shared.RecordId;
import org.negotiationledger.core.shared.StatementId;
import org.negotiationledger.seal.Seal;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** Reads the event table directly, in global order; each query is served by the primary key or the stream key. */
@Repository
public class AuditHistory {

    /** What to read: from a global index, optionally one record's events, optionally as of a record time. */
    public record Filter(long fromIndex, String aggregateId, Instant asOf, Integer limit) {}

    private static final String COLUMNS =
            "SELECT globalIndex, aggregateIdentifier, sequenceNumber, eventIdentifier, payloadType, payloadRevision, "
                    + "timeStamp, metaData, payload FROM DomainEventEntry";

    private final JdbcTemplate jdbc;
    private final ObjectMapper json;

    public AuditHistory(JdbcTemplate jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    public List<AuditEvent> page(Filter filter) {
        List<AuditEvent> events = new ArrayList<>();
        stream(filter, events::add);
        return events;
    }

    /** Hands each matching event to {@code sink} as it is read, so an export of any size runs in little memory. */
    public void stream(Filter filter, Consumer<AuditEvent> sink) {
        StringBuilder sql = new StringBuilder(COLUMNS).append(" WHERE globalIndex >= ?");
        List<Object> args = new ArrayList<>(List.of(filter.fromIndex()));
        if (filter.aggregateId() != null) {
            // A slug may name records of several kinds (an actor and a negotiation, say): show them all.
            sql.append(" AND aggregateIdentifier IN (?, ?, ?, ?)");
            String slug = filter.aggregateId();
            args.addAll(List.of(
                    ActorId.KIND + ":" + slug,
                    NegotiationId.KIND + ":" + slug,
                    CommitmentId.KIND + ":" + slug,
                    StatementId.KIND + ":" + slug));
        }
        if (filter.asOf() != null) {
            sql.append(" AND timeStamp <= ?");
            args.add(DateTimeUtils.formatInstant(filter.asOf().truncatedTo(ChronoUnit.MILLIS)));
        }
        sql.append(" ORDER BY globalIndex");
        if (filter.limit() != null) {
            sql.append(" LIMIT ?");
            args.add(filter.limit());
        }
        jdbc.query(
                con -> {
                    var statement = con.prepareStatement(sql.toString());
                    statement.setFetchSize(500);
                    for (int i = 0; i < args.size(); i++) {
                        statement.setObject(i + 1, args.get(i));
                    }
                    return statement;
                },
                rs -> {
                    sink.accept(toEvent(rs));
                });
    }

    private AuditEvent toEvent(ResultSet rs) throws SQLException {
        String stream = rs.getString("aggregateIdentifier");
        String payloadType = rs.getString("payloadType");
        JsonNode metaData = read(rs.getBytes("metaData"));
        JsonNode principal = metaData == null ? null : metaData.get(AxonConfig.PRINCIPAL);
        return new AuditEvent(
                rs.getLong("globalIndex"),
                RecordId.slugOf(stream),
                RecordId.kindOf(stream),
                rs.getLong("sequenceNumber"),
                Seal.eventType(payloadType),
                DateTimeUtils.parseInstant(rs.getString("timeStamp")),
                principal == null || principal.isNull() ? null : principal.asText(),
                rs.getString("eventIdentifier"),
                payloadType,
                rs.getString("payloadRevision"),
                metaData,
                read(rs.getBytes("payload")));
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

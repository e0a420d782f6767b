package org.negotiationledger.api.command;

import java.net.URI;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.negotiationledger.api.storage.DurableReads;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** The first answer given under each (principal, Idempotency-Key). */
@Repository
public class IdempotencyRecords {

    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final DurableReads durable;

    public IdempotencyRecords(JdbcTemplate jdbc, Clock clock, DurableReads durable) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.durable = durable;
    }

    /**
     * The answer first given under this key, if any.
     *
     * @throws IdempotencyKeyReusedException when the key was used for a different request
     */
    Optional<LedgerCommands.Accepted> find(String principal, String key, String fingerprint) {
        List<Optional<LedgerCommands.Accepted>> rows = jdbc.query(
                "SELECT request_hash, location, body FROM idempotency_record WHERE principal = ? AND idempotency_key = ?",
                (rs, n) -> {
                    if (!rs.getString("request_hash").equals(fingerprint)) {
                        throw new IdempotencyKeyReusedException(key);
                    }
                    String[] idAndVersion = rs.getString("body").split("\n", 2);
                    return Optional.of(new LedgerCommands.Accepted(
                            idAndVersion[0], Long.parseLong(idAndVersion[1]), URI.create(rs.getString("location"))));
                },
                principal,
                key);
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        // The first request may still be writing its commit: the answer given again must not be taken back.
        durable.confirm();
        return rows.get(0);
    }

    void save(String principal, String key, String fingerprint, LedgerCommands.Accepted accepted) {
        jdbc.update(
                "INSERT INTO idempotency_record (principal, idempotency_key, request_hash, status, location, body, "
                        + "recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
                principal,
                key,
                fingerprint,
                201,
                accepted.location().toString(),
                accepted.id() + "\n" + accepted.version(),
                Timestamp.from(clock.instant()));
    }
}

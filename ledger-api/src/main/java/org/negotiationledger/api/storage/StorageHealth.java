package org.negotiationledger.api.storage;

import java.io.File;
import javax.sql.DataSource;
import org.negotiationledger.api.problem.StorageFailure;
import org.negotiationledger.api.problem.StorageOutages;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;

/**
 * Actuator health of the store ({@code storage}, in readiness too): DOWN, with the {@code reason}, while the
 * database does not answer, while requests were refused {@code 503 storage-unavailable} in the last seconds, or,
 * on the embedded database, while the file system of its data directory has less than
 * {@code ledger.storage.min-free-space} left. An orchestrator can then send traffic elsewhere and free space;
 * liveness stays UP, since the server reopens its store by itself and a restart would not help.
 * <p>
 * Its probe also takes a connection from the pool, so dead ones are dropped and the store reopened even when no
 * request comes.
 */
@Component("storageHealthIndicator")
class StorageHealth implements HealthIndicator {

    private final JdbcTemplate jdbc;
    private final StorageOutages outages;
    private final File dataDir;
    private final long minFree;

    StorageHealth(
            DataSource dataSource,
            StorageOutages outages,
            @Value("${spring.datasource.url:}") String url,
            @Value("${ledger.data-dir:./data}") String dataDir,
            @Value("${ledger.storage.min-free-space:1MB}") DataSize minFree) {
        this.jdbc = new JdbcTemplate(dataSource);
        this.outages = outages;
        this.dataDir = url.startsWith("jdbc:h2:file:") ? new File(dataDir) : null;
        this.minFree = minFree.toBytes();
    }

    @Override
    public Health health() {
        Health.Builder health = Health.up();
        String reason = null;
        if (dataDir != null) {
            long free = dataDir.getUsableSpace();
            health.withDetail("freeBytes", free).withDetail("minFreeBytes", minFree);
            if (free < minFree) {
                reason = "too little space is left on the file system of the data directory (" + free + " bytes free)";
            }
        }
        try {
            jdbc.queryForObject("SELECT 1", Integer.class);
        } catch (RuntimeException e) {
            StorageFailure failure = StorageFailure.in(e);
            reason = failure == null ? "the database does not answer" : failure.reason();
        }
        var outage = outages.current();
        if (outage.isPresent()) {
            health.withDetail("refusedSince", outage.get().since().toString())
                    .withDetail("refused", outage.get().failures());
            if (reason == null) {
                reason = outage.get().failure().reason();
            }
        }
        return reason == null
                ? health.build()
                : health.down().withDetail("reason", reason).build();
    }
}

package org.negotiationledger.api.problem;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * The storage failures this server answered lately, for health: a store that refuses writes may still answer
 * the probe's read (PostgreSQL with a full disk, H2 reopened on a file system still full), so health is DOWN
 * while requests fail for that reason, not only while the probe does.
 */
@Component
public class StorageOutages {

    /** What a client is told to wait: about the time the pool takes to drop its dead connections and reopen. */
    public static final Duration RETRY_AFTER = Duration.ofSeconds(5);

    /** A failure counts for health this long after it was answered: a few rounds of clients retrying. */
    static final Duration REMEMBERED = Duration.ofSeconds(15);

    /** The latest failure, when it was answered, and how many were answered since it began. */
    public record Outage(StorageFailure failure, Instant since, Instant last, long failures) {}

    private final Clock clock;
    private volatile Outage latest;

    public StorageOutages(Clock clock) {
        this.clock = clock;
    }

    void failed(StorageFailure failure) {
        Instant now = clock.instant();
        Outage before = current().orElse(null);
        latest = before == null
                ? new Outage(failure, now, now, 1)
                : new Outage(failure, before.since(), now, before.failures() + 1);
    }

    /** The outage requests are meeting, if one was answered within the last {@link #REMEMBERED}. */
    public Optional<Outage> current() {
        Outage outage = latest;
        if (outage == null || outage.last().plus(REMEMBERED).isBefore(clock.instant())) {
            return Optional.empty();
        }
        return Optional.of(outage);
    }
}

package org.negotiationledger.projections.rebuild;

import java.util.concurrent.TimeUnit;
import org.negotiationledger.projections.tables.ViewTables;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The last step of a rebuild: drops the generation switched away from once no query begun before the switch
 * can still be reading it, {@value #AFTER_SECONDS} s later. A server that dies first leaves it to the next
 * rebuild, which drops whatever it finds below the serving generation.
 */
final class GenerationRetirement {

    private static final Logger log = LoggerFactory.getLogger(GenerationRetirement.class);
    static final long AFTER_SECONDS = 30;

    private final JdbcTemplate jdbc;
    /** A generation this server switched away from. */
    private ViewTables retiring;
    /** When (System.nanoTime) {@link #retiring} may be dropped. */
    private long retireAt;

    GenerationRetirement(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Drops {@code tables} a little later, when no query that began before the switch can still be reading it. */
    void retire(ViewTables tables) {
        retiring = tables;
        retireAt = System.nanoTime() + TimeUnit.SECONDS.toNanos(AFTER_SECONDS);
    }

    /** Drops the generation retired, once its time has come. */
    void dropDue() {
        if (retiring != null && System.nanoTime() - retireAt > 0) {
            dropQuietly(retiring);
            retiring = null;
        }
    }

    /** Drops a generation's tables; one that cannot be dropped now is dropped by the next rebuild. */
    void dropQuietly(ViewTables tables) {
        try {
            tables.drop(jdbc);
        } catch (RuntimeException e) {
            log.warn(
                    "Could not drop generation {} of the view tables; the next rebuild drops it",
                    tables.generation(),
                    e);
        }
    }
}

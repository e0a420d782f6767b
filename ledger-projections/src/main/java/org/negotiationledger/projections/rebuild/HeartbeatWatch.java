package org.negotiationledger.projections.rebuild;

import java.time.Duration;

/**
 * Watches another server's build by its heartbeat: the build has stalled once the heartbeat has stood still
 * for the stall timeout, as this server's clock measures it (System.nanoTime, so no two clocks are compared).
 */
final class HeartbeatWatch {

    private final Duration timeout;
    /** The heartbeat as last seen. */
    private long seen = -1;
    /** When (System.nanoTime) the heartbeat was seen to change. */
    private long seenAt;

    HeartbeatWatch(Duration timeout) {
        this.timeout = timeout;
    }

    /** Whether the build whose heartbeat now reads {@code heartbeat} has stood still for the timeout. */
    boolean stalled(long heartbeat) {
        if (heartbeat != seen) {
            seen = heartbeat;
            seenAt = System.nanoTime();
            return false;
        }
        return System.nanoTime() - seenAt >= timeout.toNanos();
    }

    Duration timeout() {
        return timeout;
    }
}

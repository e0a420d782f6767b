package org.negotiationledger.core.commitment;

import java.time.Instant;

/**
 * When and why a commitment stops being in force: the earliest of its explicit end, its expiry and its
 * supersession (domain.md). On a tie the explicit end names the reason, then the expiry. The one statement of
 * this rule: the aggregate refuses reports after it, the views judge the status by it.
 */
public record EndOfForce(EndReason reason, Instant at) {

    /** The end of force of a commitment with these ends (each null while it has none); null while nothing ends it. */
    public static EndOfForce earliest(EndReason endedReason, Instant endedAt, Instant expiresAt, Instant supersededAt) {
        EndOfForce end = null;
        end = earlier(end, endedReason, endedAt);
        end = earlier(end, EndReason.EXPIRED, expiresAt);
        end = earlier(end, EndReason.SUPERSEDED, supersededAt);
        return end;
    }

    private static EndOfForce earlier(EndOfForce end, EndReason reason, Instant at) {
        return at != null && (end == null || at.isBefore(end.at())) ? new EndOfForce(reason, at) : end;
    }
}

package org.negotiationledger.core.commitment;

import java.util.List;
import org.negotiationledger.core.shared.ActorId;
import org.negotiationledger.core.shared.NegotiationId;
import org.negotiationledger.core.shared.StatedTime;

/**
 * What a truce and a pledge both state: the negotiation it belongs to, its title, the parties it binds and the
 * brokers who brought it about, where and when it was agreed (a pledge's {@code madeAt}), when it takes effect,
 * its terms and its source, and when it was announced if that differs from its agreement ({@code announcedAt}: the
 * parties' announcements may come hours before or after it; it does not change when the commitment takes effect).
 * One value, so that the two commands, and the aggregate's checks of them, say it once.
 * Nullable: brokers, venue, terms, source, announcedAt.
 */
public record Undertaking(
        NegotiationId negotiationId,
        String title,
        List<ActorId> parties,
        List<ActorId> brokers,
        String venue,
        StatedTime agreedAt,
        StatedTime effectiveFrom,
        List<String> terms,
        String source,
        StatedTime announcedAt) {}

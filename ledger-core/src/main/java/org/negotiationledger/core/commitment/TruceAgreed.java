package org.negotiationledger.core.commitment;

import java.util.List;
import org.axonframework.serialization.Revision;
import org.negotiationledger.core.shared.ActorId;
import org.negotiationledger.core.shared.CommitmentId;
import org.negotiationledger.core.shared.NegotiationId;
import org.negotiationledger.core.shared.StatedTime;

/**
 * A truce was agreed. Lists are never null (empty when not given). {@code announcedAt}: null when not stated
 * (revision 2 added it; an event stored at revision 1 reads it as null).
 */
@Revision("2") // the stored shape: raise it, with an upcaster, when a field changes (docs/domain.md)
public record TruceAgreed(
        CommitmentId id,
        NegotiationId negotiationId,
        TruceKind kind,
        String title,
        List<ActorId> parties,
        List<ActorId> brokers,
        String venue,
        StatedTime agreedAt,
        StatedTime effectiveFrom,
        StatedTime expiresAt,
        List<String> terms,
        CommitmentId renews,
        List<CommitmentId> supersedes,
        String source,
        StatedTime announcedAt) {}

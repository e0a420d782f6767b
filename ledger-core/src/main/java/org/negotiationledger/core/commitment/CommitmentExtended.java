package org.negotiationledger.core.commitment;

import java.util.List;
import org.axonframework.serialization.Revision;
import org.negotiationledger.core.shared.ActorId;
import org.negotiationledger.core.shared.CommitmentId;
import org.negotiationledger.core.shared.StatedTime;

/**
 * A truce's expiry was moved later, from its agreed time on: before {@code agreedAt} it was due to expire at the
 * expiry it had. {@code announcedAt} may be null; {@code agreedBy} is never null.
 */
@Revision("1") // the stored shape: raise it, with an upcaster, when a field changes (docs/domain.md)
public record CommitmentExtended(
        CommitmentId commitmentId,
        StatedTime expiresAt,
        StatedTime agreedAt,
        StatedTime announcedAt,
        List<ActorId> agreedBy,
        String source,
        String note) {}

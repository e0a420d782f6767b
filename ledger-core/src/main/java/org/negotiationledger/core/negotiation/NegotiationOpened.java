package org.negotiationledger.core.negotiation;

import java.util.List;
import org.axonframework.serialization.Revision;
import org.negotiationledger.core.shared.ActorId;
import org.negotiationledger.core.shared.NegotiationId;

/** A negotiation was opened. */
@Revision("1") // the stored shape: raise it, with an upcaster, when a field changes (docs/domain.md)
public record NegotiationOpened(NegotiationId id, String title, List<ActorId> parties, List<ActorId> mediators) {}

package org.negotiationledger.core.negotiation;

import java.util.List;
import org.negotiationledger.core.shared.ActorId;
import org.negotiationledger.core.shared.NegotiationId;

/** A negotiation was opened. */
public record NegotiationOpened(NegotiationId id, String title, List<ActorId> parties, List<ActorId> mediators) {}

package org.negotiationledger.api.upcasting;

import org.axonframework.serialization.upcasting.event.EventTypeUpcaster;
import org.negotiationledger.core.commitment.PledgeMade;
import org.negotiationledger.core.commitment.TruceAgreed;

/**
 * Revision 2 of {@link TruceAgreed} and {@link PledgeMade} added {@code announcedAt} (issue 28). An event stored at
 * revision 1 stated no announcement apart from the agreement: its JSON lacks the field, which reads as null, so the
 * step only names the new revision and leaves the stored bytes as they are.
 */
final class AnnouncedAt {

    private AnnouncedAt() {}

    static EventTypeUpcaster truceAgreed() {
        return step(TruceAgreed.class.getName());
    }

    static EventTypeUpcaster pledgeMade() {
        return step(PledgeMade.class.getName());
    }

    private static EventTypeUpcaster step(String type) {
        return new EventTypeUpcaster(type, FirstRevision.ONE, type, "2");
    }
}

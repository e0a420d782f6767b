package org.negotiationledger.api.upcasting;

import org.axonframework.serialization.upcasting.event.EventTypeUpcaster;
import org.negotiationledger.core.commitment.PledgeMade;
import org.negotiationledger.core.commitment.TruceAgreed;
import org.negotiationledger.core.commitment.ViolationReported;

/**
 * Revisions that only added an optional field (issue 28): {@code announcedAt} on {@link TruceAgreed} and
 * {@link PledgeMade}, {@code occurredUntil} on {@link ViolationReported}, each at revision 2. An event stored at
 * revision 1 stated none: its JSON lacks the field, which reads as null, so each step only names the new revision
 * and leaves the stored bytes as they are.
 */
final class FieldAdded {

    static final String TWO = "2";

    private FieldAdded() {}

    static EventTypeUpcaster truceAgreedAnnouncedAt() {
        return step(TruceAgreed.class);
    }

    static EventTypeUpcaster pledgeMadeAnnouncedAt() {
        return step(PledgeMade.class);
    }

    static EventTypeUpcaster violationReportedOccurredUntil() {
        return step(ViolationReported.class);
    }

    private static EventTypeUpcaster step(Class<?> type) {
        return new EventTypeUpcaster(type.getName(), FirstRevision.ONE, type.getName(), TWO);
    }
}

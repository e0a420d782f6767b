package org.negotiationledger.projections.fold;

import java.time.Instant;
import java.util.List;
import org.negotiationledger.core.commitment.PledgeMade;
import org.negotiationledger.core.commitment.TruceAgreed;
import org.negotiationledger.core.shared.StatedTime;

/**
 * What was agreed: the terms of a commitment as the event that created it stated them. Nothing later changes
 * them (a correction is a new commitment that supersedes this one); what does change is in {@link CommitmentState}.
 *
 * @param category    {@code TRUCE} or {@code PLEDGE}
 * @param agreedAt    agreed-at of a truce, made-at of a pledge
 * @param expiresAt   a truce's expiry, or null (a pledge has none)
 * @param renews      the truce this one renews, or null
 * @param supersedes  the commitments this truce supersedes
 * @param recordedAt  when the ledger recorded the agreement
 * @param announcedAt when it was announced, if stated apart from its agreement, or null
 */
public record Agreement(
        String id,
        String negotiationId,
        String category,
        String kind,
        String title,
        List<String> parties,
        List<String> brokers,
        String venue,
        StatedTime agreedAt,
        StatedTime effectiveFrom,
        StatedTime expiresAt,
        List<String> terms,
        String renews,
        List<String> supersedes,
        String source,
        Instant recordedAt,
        StatedTime announcedAt) {

    public static final String TRUCE = "TRUCE";
    public static final String PLEDGE = "PLEDGE";

    static Agreement of(TruceAgreed e, Instant recordedAt) {
        return new Agreement(
                e.id().value(),
                e.negotiationId().value(),
                TRUCE,
                e.kind().name(),
                e.title(),
                ViewFold.ids(e.parties()),
                ViewFold.ids(e.brokers()),
                e.venue(),
                e.agreedAt(),
                e.effectiveFrom(),
                e.expiresAt(),
                e.terms(),
                e.renews() == null ? null : e.renews().value(),
                ViewFold.commitmentIds(e.supersedes()),
                e.source(),
                recordedAt,
                e.announcedAt());
    }

    static Agreement of(PledgeMade e, Instant recordedAt) {
        return new Agreement(
                e.id().value(),
                e.negotiationId().value(),
                PLEDGE,
                e.kind().name(),
                e.title(),
                ViewFold.ids(e.parties()),
                ViewFold.ids(e.brokers()),
                e.venue(),
                e.madeAt(),
                e.effectiveFrom(),
                null,
                e.terms(),
                null,
                List.of(),
                e.source(),
                recordedAt,
                e.announcedAt());
    }
}

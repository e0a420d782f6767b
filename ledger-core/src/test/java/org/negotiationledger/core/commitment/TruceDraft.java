package org.negotiationledger.core.commitment;

import static org.negotiationledger.core.TestDirectory.ARMENIA;
import static org.negotiationledger.core.TestDirectory.AZERBAIJAN;
import static org.negotiationledger.core.TestDirectory.NK;
import static org.negotiationledger.core.Times.RECEIVED;

import java.util.List;
import org.negotiationledger.core.shared.ActorId;
import org.negotiationledger.core.shared.CommitmentId;
import org.negotiationledger.core.shared.NegotiationId;
import org.negotiationledger.core.shared.StatedTime;

/**
 * A truce for a test, as its command or as the event it records: a ceasefire between Armenia and Azerbaijan
 * agreed and in effect as the Moscow truce was, unless a test says otherwise. A test names only what it is about.
 */
final class TruceDraft {

    private CommitmentId id = CommitmentTest.MOSCOW;
    private NegotiationId negotiation = NK;
    private TruceKind kind = TruceKind.CEASEFIRE;
    private String title = "t";
    private List<ActorId> parties = List.of(ARMENIA, AZERBAIJAN);
    private List<ActorId> brokers = List.of();
    private String venue;
    private StatedTime agreedAt = CommitmentTest.MOSCOW_AGREED;
    private StatedTime effectiveFrom = CommitmentTest.MOSCOW_EFFECTIVE;
    private StatedTime expiresAt;
    private List<String> terms;
    private CommitmentId renews;
    private List<CommitmentId> supersedes;
    private String source;
    private StatedTime announcedAt;

    static TruceDraft truce() {
        return new TruceDraft();
    }

    TruceDraft id(CommitmentId id) {
        this.id = id;
        return this;
    }

    TruceDraft in(NegotiationId negotiation) {
        this.negotiation = negotiation;
        return this;
    }

    TruceDraft kind(TruceKind kind) {
        this.kind = kind;
        return this;
    }

    TruceDraft title(String title) {
        this.title = title;
        return this;
    }

    TruceDraft parties(ActorId... parties) {
        this.parties = List.of(parties);
        return this;
    }

    TruceDraft brokers(ActorId... brokers) {
        this.brokers = List.of(brokers);
        return this;
    }

    TruceDraft venue(String venue) {
        this.venue = venue;
        return this;
    }

    TruceDraft agreedAt(StatedTime agreedAt) {
        this.agreedAt = agreedAt;
        return this;
    }

    TruceDraft effectiveFrom(StatedTime effectiveFrom) {
        this.effectiveFrom = effectiveFrom;
        return this;
    }

    TruceDraft expiresAt(StatedTime expiresAt) {
        this.expiresAt = expiresAt;
        return this;
    }

    TruceDraft terms(String... terms) {
        this.terms = List.of(terms);
        return this;
    }

    TruceDraft renews(CommitmentId renews) {
        this.renews = renews;
        return this;
    }

    TruceDraft supersedes(List<CommitmentId> supersedes) {
        this.supersedes = supersedes;
        return this;
    }

    TruceDraft announcedAt(StatedTime announcedAt) {
        this.announcedAt = announcedAt;
        return this;
    }

    TruceDraft source(String source) {
        this.source = source;
        return this;
    }

    /** The command, received at {@link org.negotiationledger.core.Times#RECEIVED}. */
    AgreeTruce agree() {
        return new AgreeTruce(
                id,
                kind,
                new Undertaking(
                        negotiation,
                        title,
                        parties,
                        brokers,
                        venue,
                        agreedAt,
                        effectiveFrom,
                        terms,
                        source,
                        announcedAt),
                expiresAt,
                renews,
                supersedes,
                RECEIVED);
    }

    /** The event the command records: absent lists recorded empty. */
    TruceAgreed agreed() {
        return new TruceAgreed(
                id,
                negotiation,
                kind,
                title,
                parties,
                brokers,
                venue,
                agreedAt,
                effectiveFrom,
                expiresAt,
                terms == null ? List.of() : terms,
                renews,
                supersedes == null ? List.of() : supersedes,
                source,
                announcedAt);
    }
}

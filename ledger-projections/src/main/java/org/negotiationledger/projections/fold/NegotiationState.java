package org.negotiationledger.projections.fold;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.negotiationledger.core.shared.StatedTime;

/**
 * A negotiation as the views know it, with its rounds of talks in the order recorded. {@code lastSequence}:
 * see {@link CommitmentState}.
 */
public record NegotiationState(
        String id,
        String title,
        List<String> parties,
        List<String> mediators,
        Instant recordedAt,
        long lastSequence,
        List<Talks> talks) {

    public NegotiationState {
        talks = talks == null ? List.of() : List.copyOf(talks);
    }

    /** A round of talks, with when the ledger learned of it. */
    public record Talks(
            String id,
            String venue,
            StatedTime startedAt,
            StatedTime endedAt,
            List<Participant> participants,
            String outcome,
            Instant recordedAt) {}

    /** An actor at a round of talks, in a role ({@code MEDIATOR}, {@code PARTY}, ...). */
    public record Participant(String actor, String role) {}

    static NegotiationState opened(
            String id, String title, List<String> parties, List<String> mediators, Instant recordedAt, long sequence) {
        return new NegotiationState(id, title, parties, mediators, recordedAt, sequence, List.of());
    }

    NegotiationState withTalks(Talks round, long sequence) {
        List<Talks> rounds = new ArrayList<>(talks);
        rounds.add(round);
        return new NegotiationState(id, title, parties, mediators, recordedAt, sequence, rounds);
    }

    /** The negotiation as the ledger knew it at record time {@code asOf}, or null if it was not yet opened. */
    public NegotiationState asOf(Instant asOf) {
        if (recordedAt.isAfter(asOf)) {
            return null;
        }
        return new NegotiationState(
                id,
                title,
                parties,
                mediators,
                recordedAt,
                lastSequence,
                talks.stream().filter(t -> !t.recordedAt().isAfter(asOf)).toList());
    }
}

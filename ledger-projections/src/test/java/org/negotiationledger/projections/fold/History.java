package org.negotiationledger.projections.fold;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.negotiationledger.core.commitment.AssessmentOutcome;
import org.negotiationledger.core.commitment.CommitmentEnded;
import org.negotiationledger.core.commitment.CommitmentExtended;
import org.negotiationledger.core.commitment.CommitmentSuperseded;
import org.negotiationledger.core.commitment.EndReason;
import org.negotiationledger.core.commitment.TruceAgreed;
import org.negotiationledger.core.commitment.TruceKind;
import org.negotiationledger.core.commitment.ViolationAssessed;
import org.negotiationledger.core.commitment.ViolationReportRetracted;
import org.negotiationledger.core.commitment.ViolationReported;
import org.negotiationledger.core.negotiation.NegotiationOpened;
import org.negotiationledger.core.shared.ActorId;
import org.negotiationledger.core.shared.CommitmentId;
import org.negotiationledger.core.shared.NegotiationId;
import org.negotiationledger.core.shared.Precision;
import org.negotiationledger.core.shared.StatedTime;
import org.negotiationledger.core.shared.ViolationId;

/** Builds a stored history for fold tests: global order, per-stream sequences, increasing record times. */
final class History {

    static final ActorId ARMENIA = new ActorId("armenia");
    static final ActorId AZERBAIJAN = new ActorId("azerbaijan");
    /** An armed group that signs nothing: a spoiler a report may accuse. */
    static final ActorId ARMED_GROUP = new ActorId("armed-group");

    static final NegotiationId NK = new NegotiationId("nk");

    private final List<Fact> facts = new ArrayList<>();
    private final Map<String, Long> sequences = new HashMap<>();
    private Instant clock = Instant.parse("2021-01-01T00:00:00Z");

    static StatedTime at(String text) {
        return StatedTime.parse(text, Precision.MINUTE);
    }

    static StatedTime at(String text, Precision precision) {
        return StatedTime.parse(text, precision);
    }

    History add(String stream, Object event) {
        long sequence = sequences.merge(stream, 0L, (a, b) -> a + 1);
        clock = clock.plusSeconds(60);
        facts.add(new Fact(facts.size() + 1, stream, sequence, clock, event));
        return this;
    }

    History negotiation() {
        return add("negotiation:nk", new NegotiationOpened(NK, "NK", List.of(ARMENIA, AZERBAIJAN), List.of()));
    }

    History truce(String id, String effective, String expires, String renews) {
        return truce(id, effective, expires, renews, null);
    }

    /** A truce whose announcement is stated apart from its agreement (null: not stated). */
    History truce(String id, String effective, String expires, String renews, StatedTime announced) {
        return add(
                "commitment:" + id,
                new TruceAgreed(
                        new CommitmentId(id),
                        NK,
                        TruceKind.CEASEFIRE,
                        id,
                        List.of(ARMENIA, AZERBAIJAN),
                        List.of(),
                        null,
                        at("2020-10-10T03:00+04:00"),
                        at(effective),
                        expires == null ? null : at(expires),
                        List.of(),
                        renews == null ? null : new CommitmentId(renews),
                        List.of(),
                        null,
                        announced));
    }

    History report(String commitment, String violation, ActorId by, ActorId accused, StatedTime occurred) {
        return report(commitment, violation, by, accused, occurred, null);
    }

    /** A report over a range: sometime from {@code occurred} to {@code until}. */
    History report(
            String commitment, String violation, ActorId by, ActorId accused, StatedTime occurred, StatedTime until) {
        return add(
                "commitment:" + commitment,
                new ViolationReported(
                        new CommitmentId(commitment),
                        new ViolationId(violation),
                        by,
                        accused,
                        occurred,
                        until,
                        null,
                        null,
                        null,
                        null));
    }

    History assess(String commitment, String violation, AssessmentOutcome outcome) {
        return assess(commitment, violation, outcome, outcome == AssessmentOutcome.ATTRIBUTED ? ARMENIA : null);
    }

    History assess(String commitment, String violation, AssessmentOutcome outcome, ActorId attributedTo) {
        return add(
                "commitment:" + commitment,
                new ViolationAssessed(
                        new CommitmentId(commitment),
                        new ViolationId(violation),
                        outcome,
                        attributedTo,
                        new ActorId("icrc"),
                        at("2020-10-12T10:00+04:00"),
                        null));
    }

    History retract(String commitment, String violation) {
        return add(
                "commitment:" + commitment,
                new ViolationReportRetracted(
                        new CommitmentId(commitment), new ViolationId(violation), ARMENIA, "mistaken"));
    }

    History supersede(String commitment, String by, String effective) {
        return add(
                "commitment:" + commitment,
                new CommitmentSuperseded(new CommitmentId(commitment), new CommitmentId(by), at(effective)));
    }

    History end(String commitment, EndReason reason, String endedAt) {
        return add(
                "commitment:" + commitment,
                new CommitmentEnded(new CommitmentId(commitment), reason, at(endedAt), null));
    }

    /** The truce {@code commitment} extended, agreed by both parties at {@code agreedAt}, to {@code expiresAt}. */
    History extend(String commitment, String expiresAt, String agreedAt) {
        return add(
                "commitment:" + commitment,
                new CommitmentExtended(
                        new CommitmentId(commitment),
                        at(expiresAt),
                        at(agreedAt),
                        null,
                        List.of(ARMENIA, AZERBAIJAN),
                        null,
                        null));
    }

    List<Fact> facts() {
        return List.copyOf(facts);
    }

    InMemoryViews fold() {
        return InMemoryViews.fold(facts);
    }
}

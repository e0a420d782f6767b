package org.negotiationledger.projections.fold;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.negotiationledger.core.actor.ActorRegistered;
import org.negotiationledger.core.commitment.CommitmentEnded;
import org.negotiationledger.core.commitment.CommitmentExtended;
import org.negotiationledger.core.commitment.CommitmentSuperseded;
import org.negotiationledger.core.commitment.PledgeMade;
import org.negotiationledger.core.commitment.TruceAgreed;
import org.negotiationledger.core.commitment.ViolationAssessed;
import org.negotiationledger.core.commitment.ViolationReportRetracted;
import org.negotiationledger.core.commitment.ViolationReported;
import org.negotiationledger.core.negotiation.NegotiationOpened;
import org.negotiationledger.core.negotiation.TalksRecorded;
import org.negotiationledger.core.shared.ActorId;
import org.negotiationledger.core.shared.CommitmentId;
import org.negotiationledger.core.shared.StatedTime;
import org.negotiationledger.core.statement.StatementIssued;

/**
 * The views' logic: how each event changes the state of the records it concerns and what it puts on the
 * timelines (as facts: the sentences are the server's, rendered where an entry is shown). One function,
 * {@link #apply}, serves the live projection, the rebuild and the as-of reconstruction. Each fact is applied at
 * most once per record: a fact at or below a record's {@code lastSequence} is one the state already holds.
 */
public final class ViewFold {

    private ViewFold() {}

    public static void apply(Fact fact, ViewStore store) {
        Object event = fact.payload();
        if (event instanceof ActorRegistered e) {
            if (store.actors().get(e.id().value()) == null) {
                store.actors().put(new ActorState(e.id().value(), e.name(), e.kind(), fact.recordedAt()));
            }
        } else if (event instanceof NegotiationOpened e) {
            if (store.negotiations().get(e.id().value()) == null) {
                store.negotiations()
                        .put(NegotiationState.opened(
                                e.id().value(),
                                e.title(),
                                ids(e.parties()),
                                ids(e.mediators()),
                                fact.recordedAt(),
                                fact.sequence()));
                store.putTimeline(
                        fact.globalIndex(),
                        List.of(opening(
                                e.id().value(),
                                fact,
                                new TimelineFact.Opened(e.title(), ids(e.parties()), ids(e.mediators())))));
            }
        } else if (event instanceof TalksRecorded e) {
            NegotiationState negotiation =
                    store.negotiations().get(e.negotiationId().value());
            if (negotiation != null && fact.sequence() > negotiation.lastSequence()) {
                store.negotiations()
                        .put(negotiation.withTalks(
                                new NegotiationState.Talks(
                                        e.talksId().value(),
                                        e.venue(),
                                        e.startedAt(),
                                        e.endedAt(),
                                        e.participants().stream()
                                                .map(p -> new NegotiationState.Participant(
                                                        p.actor().value(),
                                                        p.role().name()))
                                                .toList(),
                                        e.outcome(),
                                        fact.recordedAt()),
                                fact.sequence()));
                store.putTimeline(
                        fact.globalIndex(),
                        List.of(entry(
                                negotiation.id(),
                                fact,
                                0,
                                e.startedAt(),
                                "TalksRecorded",
                                e.talksId().value(),
                                new TimelineFact.Talks(e.venue(), e.outcome()))));
            }
        } else if (event instanceof TruceAgreed || event instanceof PledgeMade) {
            commitmentCreated(fact, store);
        } else if (event instanceof StatementIssued e) {
            if (store.statements().get(e.id().value()) == null) {
                store.statements()
                        .put(new StatementState(
                                e.id().value(),
                                e.author().value(),
                                e.deliveredBy(),
                                e.issuedAt(),
                                e.kinds(),
                                e.text(),
                                e.concerns(),
                                e.source(),
                                fact.recordedAt()));
                statementOnTimelines(fact, e, store);
            }
        } else {
            commitmentChanged(fact, store);
        }
    }

    private static void commitmentCreated(Fact fact, ViewStore store) {
        CommitmentState state = CommitmentFold.created(fact);
        if (store.commitments().get(state.id()) != null) {
            return;
        }
        store.commitments().put(state);
        if (state.agreement().renews() != null) {
            CommitmentState renewed = store.commitments().get(state.agreement().renews());
            if (renewed != null) {
                store.commitments().put(renewed.renewedBy(state.id(), fact.recordedAt()));
            }
        }
        Agreement agreement = state.agreement();
        List<TimelineEntry> entries = new ArrayList<>();
        entries.add(entry(
                agreement.negotiationId(),
                fact,
                0,
                agreement.agreedAt(),
                fact.payload().getClass().getSimpleName(),
                state.id(),
                new TimelineFact.Agreed(
                        agreement.category(),
                        agreement.title(),
                        agreement.kind(),
                        agreement.parties(),
                        agreement.brokers())));
        entries.add(entry(
                agreement.negotiationId(),
                fact,
                1,
                agreement.effectiveFrom(),
                "CommitmentTookEffect",
                state.id(),
                new TimelineFact.TookEffect(agreement.title())));
        if (agreement.expiresAt() != null) {
            entries.add(entry(
                    agreement.negotiationId(),
                    fact,
                    2,
                    agreement.expiresAt(),
                    "CommitmentExpired",
                    state.id(),
                    new TimelineFact.Expires(agreement.title())));
        }
        store.putTimeline(fact.globalIndex(), entries);
    }

    private static void commitmentChanged(Fact fact, ViewStore store) {
        String id = CommitmentFold.commitmentOf(fact.payload());
        if (id == null) {
            return;
        }
        CommitmentState before = store.commitments().get(id);
        if (before == null || fact.sequence() <= before.lastSequence()) {
            return;
        }
        CommitmentState after = CommitmentFold.changed(before, fact);
        store.commitments().put(after);
        Object event = fact.payload();
        String title = after.agreement().title();
        TimelineEntry entry = null;
        if (event instanceof CommitmentExtended e) {
            StatedTime previous = before.expiresAt(e.agreedAt().earliest());
            entry = entry(
                    after.agreement().negotiationId(),
                    fact,
                    0,
                    e.agreedAt(),
                    "CommitmentExtended",
                    id,
                    new TimelineFact.Extended(
                            title,
                            e.expiresAt().stated(),
                            previous == null ? null : previous.stated(),
                            ids(e.agreedBy())));
        } else if (event instanceof ViolationReported e) {
            // Shown as stated (its start), ordered by the latest instant of its range as every report is.
            entry = entry(
                    after.agreement().negotiationId(),
                    fact,
                    0,
                    e.occurredAt(),
                    e.latest(),
                    "ViolationReported",
                    id,
                    new TimelineFact.Reported(
                            title,
                            e.violationId().value(),
                            e.reportedBy().value(),
                            e.accused().value(),
                            e.description()));
        } else if (event instanceof ViolationAssessed e) {
            entry = entry(
                    after.agreement().negotiationId(),
                    fact,
                    0,
                    e.assessedAt(),
                    "ViolationAssessed",
                    id,
                    new TimelineFact.Assessed(
                            title,
                            e.violationId().value(),
                            e.outcome(),
                            e.attributedTo() == null ? null : e.attributedTo().value(),
                            e.assessedBy().value()));
        } else if (event instanceof ViolationReportRetracted e) {
            entry = entry(
                    after.agreement().negotiationId(),
                    fact,
                    0,
                    null,
                    "ViolationReportRetracted",
                    id,
                    new TimelineFact.Retracted(
                            title, e.violationId().value(), e.retractedBy().value(), e.reason()));
        } else if (event instanceof CommitmentEnded e) {
            entry = entry(
                    after.agreement().negotiationId(),
                    fact,
                    0,
                    e.endedAt(),
                    "CommitmentEnded",
                    id,
                    new TimelineFact.Ended(title, e.reason(), e.note()));
        } else if (event instanceof CommitmentSuperseded e) {
            entry = entry(
                    after.agreement().negotiationId(),
                    fact,
                    0,
                    e.effectiveAt(),
                    "CommitmentSuperseded",
                    id,
                    new TimelineFact.Superseded(title, e.supersededBy().value()));
        }
        if (entry != null) {
            store.putTimeline(fact.globalIndex(), List.of(entry));
        }
    }

    /** A statement appears on the timeline of each negotiation it concerns, directly or through a commitment. */
    private static void statementOnTimelines(Fact fact, StatementIssued e, ViewStore store) {
        Set<String> negotiations = new LinkedHashSet<>();
        for (String concern : e.concerns()) {
            if (store.negotiations().get(concern) != null) {
                negotiations.add(concern);
            }
            CommitmentState commitment = store.commitments().get(concern);
            if (commitment != null) {
                negotiations.add(commitment.agreement().negotiationId());
            }
        }
        List<TimelineEntry> entries = new ArrayList<>();
        for (String negotiation : negotiations) {
            entries.add(entry(
                    negotiation,
                    fact,
                    0,
                    e.issuedAt(),
                    "StatementIssued",
                    e.id().value(),
                    new TimelineFact.Issued(e.author().value(), e.deliveredBy(), e.kinds(), e.text())));
        }
        if (!entries.isEmpty()) {
            store.putTimeline(fact.globalIndex(), entries);
        }
    }

    /** The opening of a negotiation: no valid time of its own, first on its timeline. */
    private static TimelineEntry opening(String negotiation, Fact fact, TimelineFact opened) {
        return new TimelineEntry(
                negotiation,
                fact.globalIndex(),
                0,
                null,
                null,
                null,
                fact.recordedAt(),
                "NegotiationOpened",
                negotiation,
                opened);
    }

    private static TimelineEntry entry(
            String negotiation, Fact fact, int n, StatedTime validAt, String type, String recordId, TimelineFact says) {
        return entry(negotiation, fact, n, validAt, validAt == null ? null : validAt.latest(), type, recordId, says);
    }

    /** An entry shown at {@code validAt} as stated and ordered at {@code orderedAt} (a range's latest instant). */
    private static TimelineEntry entry(
            String negotiation,
            Fact fact,
            int n,
            StatedTime validAt,
            Instant orderedAt,
            String type,
            String recordId,
            TimelineFact says) {
        return new TimelineEntry(
                negotiation,
                fact.globalIndex(),
                n,
                validAt == null ? fact.recordedAt() : orderedAt,
                validAt == null ? null : validAt.stated(),
                validAt == null ? null : validAt.precision(),
                fact.recordedAt(),
                type,
                recordId,
                says);
    }

    static List<String> ids(List<ActorId> actors) {
        return actors.stream().map(ActorId::value).toList();
    }

    static List<String> commitmentIds(List<CommitmentId> commitments) {
        return commitments.stream().map(CommitmentId::value).toList();
    }
}

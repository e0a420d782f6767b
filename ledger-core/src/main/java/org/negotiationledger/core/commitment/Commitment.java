package org.negotiationledger.core.commitment;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;
import static org.negotiationledger.core.shared.RuleViolationException.check;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateLifecycle;
import org.axonframework.serialization.Revision;
import org.negotiationledger.core.shared.ActorId;
import org.negotiationledger.core.shared.CommitmentId;
import org.negotiationledger.core.shared.Directory;
import org.negotiationledger.core.shared.DuplicateRecordException;
import org.negotiationledger.core.shared.NegotiationId;
import org.negotiationledger.core.shared.RecordNotFoundException;
import org.negotiationledger.core.shared.RuleViolationException;
import org.negotiationledger.core.shared.Rules;
import org.negotiationledger.core.shared.StatedTime;
import org.negotiationledger.core.shared.UnknownReferenceException;
import org.negotiationledger.core.shared.VersionConflictException;
import org.negotiationledger.core.shared.ViolationId;

/**
 * A commitment's stream: a truce or a pledge, when it is in force, and the violation reports against it.
 *
 * <p>A commitment is in force from its effective time until the earliest of its expiry, an explicit end and
 * the effective time of a commitment that supersedes it. Reports must fall inside that span (imprecise
 * times pass when any instant of their interval would) and not after the ledger received them.
 */
@Revision("3") // the layout of its snapshots: raise it when a field changes, and older snapshots are ignored
// 2: a report remembers its accused (a non-party accused may neither assess nor retract it)
// 3: a truce remembers its extensions (when each was agreed, to when it moved the expiry)
public class Commitment {

    @AggregateIdentifier
    private CommitmentId id;

    private Set<ActorId> parties;
    private NegotiationId negotiationId;
    private Set<ActorId> brokers;
    private StatedTime agreedAt;
    private StatedTime effectiveFrom;
    private Instant expiresAt;
    private final List<Extension> extensions = new ArrayList<>();
    private boolean pledge;
    private Instant endedAt;
    private EndReason endedReason;
    private Instant supersededAt;
    private final Map<ViolationId, Report> reports = new HashMap<>();

    /** What the aggregate must remember of a report to judge later commands about it. */
    /** An extension: from its agreed time's earliest instant on, the truce runs until {@code expiresAt}. */
    private record Extension(Instant agreedFrom, Instant expiresAt) {}

    private record Report(ActorId reportedBy, ActorId accused, StatedTime occurredAt, boolean retracted) {}

    protected Commitment() {
        // for event sourcing
    }

    /**
     * What tells a truce's checks from a pledge's: how it is named, how many parties it binds at the least, and
     * the name of the time it was agreed (the field a refusal names).
     */
    private record Form(String name, int minimumParties, String agreedField, String agreement) {
        static final Form TRUCE = new Form("a truce", 2, "agreedAt", "a truce's agreement");
        static final Form PLEDGE = new Form("a pledge", 1, "madeAt", "a pledge");
    }

    @CommandHandler
    public Commitment(AgreeTruce command, Directory directory) {
        Undertaking undertaking = command.undertaking();
        checkUndertaking(Form.TRUCE, command.kind(), undertaking, command.receivedAt(), directory);
        check(
                command.expiresAt() == null
                        || command.expiresAt()
                                .latest()
                                .isAfter(undertaking.effectiveFrom().earliest()),
                "expiresAt",
                "a truce cannot expire before it takes effect");
        List<CommitmentId> supersedes = orEmpty(command.supersedes(), "supersedes");
        NegotiationId negotiation = undertaking.negotiationId();
        if (command.renews() != null) {
            check(!command.renews().equals(command.id()), "renews", "a truce cannot renew itself");
            knownCommitment(command.renews(), "renews", directory);
            sameNegotiation(command.renews(), negotiation, "renews", directory);
            check(
                    !supersedes.contains(command.renews()),
                    "supersedes",
                    "a truce either renews '" + command.renews().value() + "' (which stays in force) or supersedes it");
        }
        Set<CommitmentId> seen = new HashSet<>();
        for (CommitmentId superseded : supersedes) {
            check(superseded != null, "supersedes", "a commitment id is missing");
            check(!superseded.equals(command.id()), "supersedes", "a truce cannot supersede itself");
            check(seen.add(superseded), "supersedes", "'" + superseded.value() + "' is named twice");
            knownCommitment(superseded, "supersedes", directory);
            sameNegotiation(superseded, negotiation, "supersedes", directory);
        }
        Undertaking recorded = recorded(undertaking);
        apply(new TruceAgreed(
                command.id(),
                recorded.negotiationId(),
                command.kind(),
                recorded.title(),
                recorded.parties(),
                recorded.brokers(),
                recorded.venue(),
                recorded.agreedAt(),
                recorded.effectiveFrom(),
                command.expiresAt(),
                recorded.terms(),
                command.renews(),
                supersedes,
                recorded.source(),
                recorded.announcedAt()));
    }

    @CommandHandler
    public Commitment(MakePledge command, Directory directory) {
        checkUndertaking(Form.PLEDGE, command.kind(), command.undertaking(), command.receivedAt(), directory);
        Undertaking recorded = recorded(command.undertaking());
        apply(new PledgeMade(
                command.id(),
                recorded.negotiationId(),
                command.kind(),
                recorded.title(),
                recorded.parties(),
                recorded.brokers(),
                recorded.venue(),
                recorded.agreedAt(),
                recorded.effectiveFrom(),
                recorded.terms(),
                recorded.source(),
                recorded.announcedAt()));
    }

    /**
     * A truce renews or supersedes only commitments of its own negotiation: one peace process cannot end or
     * reaffirm what was agreed in another.
     */
    private static void sameNegotiation(
            CommitmentId other, NegotiationId negotiation, String field, Directory directory) {
        NegotiationId theirs = directory.commitmentNegotiation(other).orElse(null);
        check(
                negotiation.equals(theirs),
                field,
                "'" + other.value() + "' belongs to negotiation '"
                        + (theirs == null ? "?" : theirs.value()) + "', not '" + negotiation.value()
                        + "': a truce renews or supersedes only commitments of its own negotiation");
    }

    /** The checks truces and pledges share, in the order a refusal names the first that fails. */
    private static void checkUndertaking(
            Form form, Object kind, Undertaking undertaking, Instant receivedAt, Directory directory) {
        check(kind != null, "kind", form.name() + " needs a kind");
        check(undertaking.title() != null && !undertaking.title().isBlank(), "title", "a commitment needs a title");
        check(undertaking.agreedAt() != null, form.agreedField(), "a commitment needs the time it was agreed");
        check(undertaking.effectiveFrom() != null, "effectiveFrom", "a commitment needs the time it takes effect");
        NegotiationId negotiation = undertaking.negotiationId();
        check(negotiation != null, "negotiationId", "a commitment belongs to a negotiation");
        if (!directory.negotiationExists(negotiation)) {
            throw new UnknownReferenceException("negotiationId", "unknown negotiation '" + negotiation.value() + "'");
        }
        Rules.distinctKnownActors(undertaking.parties(), "parties", form.minimumParties(), directory);
        Rules.distinctKnownActors(orEmpty(undertaking.brokers(), "brokers"), "brokers", 0, directory);
        Rules.happenedBy(undertaking.agreedAt(), receivedAt, form.agreedField(), form.agreement());
        // An announcement may come before the agreement is signed or after it (docs/domain.md), but like every
        // stated time not after the ledger received it.
        Rules.happenedBy(undertaking.announcedAt(), receivedAt, "announcedAt", "an announcement");
    }

    /** An undertaking as its event records it: the title stripped, lists never null. */
    private static Undertaking recorded(Undertaking undertaking) {
        return new Undertaking(
                undertaking.negotiationId(),
                undertaking.title().strip(),
                List.copyOf(undertaking.parties()),
                orEmpty(undertaking.brokers(), "brokers"),
                undertaking.venue(),
                undertaking.agreedAt(),
                undertaking.effectiveFrom(),
                orEmpty(undertaking.terms(), "terms"),
                undertaking.source(),
                undertaking.announcedAt());
    }

    @CommandHandler
    public long handle(EndCommitment command) {
        VersionConflictException.expect(command.expectedVersion(), AggregateLifecycle.getVersion());
        check(endedAt == null, "reason", "the commitment already ended (" + endedReason + ")");
        check(command.reason() != null, "reason", "an end needs a reason");
        check(command.endedAt() != null, "endedAt", "an end needs the time it ended");
        check(
                !command.endedAt().latest().isBefore(agreedAt.earliest()),
                "endedAt",
                "a commitment cannot end (" + command.endedAt() + ") before it was agreed (" + agreedAt + ")");
        Rules.happenedBy(
                command.endedAt(), command.receivedAt(), "endedAt", "an end (a planned one is the truce's expiresAt)");
        apply(new CommitmentEnded(id, command.reason(), command.endedAt(), command.note()));
        return AggregateLifecycle.getVersion();
    }

    @CommandHandler
    public long handle(SupersedeCommitment command) {
        apply(new CommitmentSuperseded(id, command.supersededBy(), command.effectiveAt()));
        return AggregateLifecycle.getVersion();
    }

    /**
     * Move a truce's expiry later. The extension must be agreed while the truce is in force at the extension's
     * agreed time (valid time: an end, supersession or expiry recorded before or after, but falling at or before
     * that time, refuses it; a lapsed truce is renewed by a new truce), by its parties or brokers, to an expiry
     * later than the latest one it has.
     */
    @CommandHandler
    public long handle(ExtendCommitment command, Directory directory) {
        VersionConflictException.expect(command.expectedVersion(), AggregateLifecycle.getVersion());
        check(
                expiresAt != null,
                "expiresAt",
                (pledge ? "a pledge has no expiry to move" : "the truce has no expiry to move")
                        + ": only a truce with an expiry can be extended");
        StatedTime newExpiry = command.expiresAt();
        check(newExpiry != null, "expiresAt", "an extension needs the new expiry");
        Instant current = currentExpiry();
        check(
                newExpiry.utc().isAfter(current),
                "expiresAt",
                "an extension moves the expiry later: " + newExpiry + " is not later than the current expiry "
                        + current);
        StatedTime agreed = command.agreedAt();
        check(agreed != null, "agreedAt", "an extension needs the time it was agreed");
        check(
                !agreed.latest().isBefore(agreedAt.earliest()),
                "agreedAt",
                "an extension cannot be agreed (" + agreed + ") before the truce was (" + agreedAt + ")");
        Instant from = agreed.earliest();
        EndOfForce end = EndOfForce.earliest(endedReason, endedAt, expiryAt(from), supersededAt);
        if (end != null && !from.isBefore(end.at())) {
            throw new RuleViolationException(
                    "agreedAt",
                    end.reason() == EndReason.EXPIRED
                            ? "the extension was agreed " + agreed + ", not before the expiry it would move ("
                                    + end.at() + "): a lapsed truce is renewed by a new truce (renews)"
                            : "the commitment had ended at " + end.at() + " (" + end.reason()
                                    + ") when the extension was agreed (" + agreed + ")");
        }
        Rules.happenedBy(agreed, command.receivedAt(), "agreedAt", "an extension");
        if (command.announcedAt() != null) {
            Rules.happenedBy(command.announcedAt(), command.receivedAt(), "announcedAt", "an announcement");
        }
        List<ActorId> agreedBy = orEmpty(command.agreedBy(), "agreedBy");
        check(!agreedBy.isEmpty(), "agreedBy", "an extension names who agreed it (parties or brokers)");
        check(Set.copyOf(agreedBy).size() == agreedBy.size(), "agreedBy", "an actor is named twice");
        for (ActorId actor : agreedBy) {
            check(
                    parties.contains(actor) || brokers.contains(actor),
                    "agreedBy",
                    "'" + actor.value() + "' is neither a party nor a broker of " + id.value()
                            + ": an extension is agreed by the parties or brokers");
        }
        apply(new CommitmentExtended(
                id, newExpiry, agreed, command.announcedAt(), agreedBy, command.source(), command.note()));
        return AggregateLifecycle.getVersion();
    }

    /** The latest expiry the truce has: extensions only move it later. */
    private Instant currentExpiry() {
        Instant latest = expiresAt;
        for (Extension e : extensions) {
            latest = e.expiresAt().isAfter(latest) ? e.expiresAt() : latest;
        }
        return latest;
    }

    /** The expiry in force at valid time {@code at}: the latest of the agreed one and those extended to by then. */
    private Instant expiryAt(Instant at) {
        Instant latest = expiresAt;
        for (Extension e : extensions) {
            if (!e.agreedFrom().isAfter(at) && e.expiresAt().isAfter(latest)) {
                latest = e.expiresAt();
            }
        }
        return latest;
    }

    @CommandHandler
    public long handle(ReportViolation command, Directory directory) {
        VersionConflictException.expect(command.expectedVersion(), AggregateLifecycle.getVersion());
        if (reports.containsKey(command.violationId())) {
            throw new DuplicateRecordException(
                    "violation report '" + command.violationId() + "' already exists on " + id.value());
        }
        check(command.reportedBy() != null, "reportedBy", "a report needs a reporter");
        Rules.knownActor(command.reportedBy(), "reportedBy", directory);
        check(command.accused() != null, "accused", "a report needs an accused party, or 'unknown'");
        check(
                !command.accused().equals(command.reportedBy()),
                "accused",
                "a reporter cannot accuse itself: '" + command.reportedBy().value() + "' is both");
        if (!command.accused().isUnknown() && !parties.contains(command.accused())) {
            // A spoiler: an armed group or any other actor that did not sign may be accused, if it is registered
            // (the views keep such a claim apart: it is no breach by the parties until a finding names one).
            Rules.knownActor(command.accused(), "accused", directory);
        }
        StatedTime occurred = command.occurredAt();
        check(occurred != null, "occurredAt", "a report needs the time the violation occurred");
        StatedTime until = command.occurredUntil();
        // A range: sometime from the earliest instant of occurredAt to the latest of occurredUntil (domain.md).
        check(
                until == null || !until.latest().isBefore(occurred.earliest()),
                "occurredUntil",
                "a range cannot end (" + until + ") before it begins (" + occurred + ")");
        String stated = until == null ? String.valueOf(occurred) : occurred + " to " + until;
        check(
                !(until == null ? occurred : until).latest().isBefore(effectiveFrom.earliest()),
                until == null ? "occurredAt" : "occurredUntil",
                "a violation cannot precede the commitment: it occurred " + stated + ", the commitment took effect "
                        + effectiveFrom);
        // Extensions are each agreed before the expiry they move, so the truce runs without a break to its latest one
        EndOfForce end =
                EndOfForce.earliest(endedReason, endedAt, expiresAt == null ? null : currentExpiry(), supersededAt);
        // At the very instant of the end the report may come first (the breach that ended it): domain.md's tie rule
        if (end != null && occurred.earliest().isAfter(end.at())) {
            throw new RuleViolationException(
                    "occurredAt",
                    "the commitment was no longer in force: it ended at " + end.at() + " (" + end.reason()
                            + "), the violation occurred " + stated);
        }
        Rules.happenedBy(occurred, command.receivedAt(), "occurredAt", "a violation");
        Rules.happenedBy(until, command.receivedAt(), "occurredUntil", "the end of a violation's range");
        checkCasualties(command.casualties());
        apply(new ViolationReported(
                id,
                command.violationId(),
                command.reportedBy(),
                command.accused(),
                occurred,
                until,
                command.location(),
                command.description(),
                command.casualties(),
                command.source()));
        return AggregateLifecycle.getVersion();
    }

    @CommandHandler
    public long handle(AssessViolation command, Directory directory) {
        VersionConflictException.expect(command.expectedVersion(), AggregateLifecycle.getVersion());
        Report report = report(command.violationId());
        check(!report.retracted(), "violationId", "report '" + command.violationId() + "' was retracted");
        check(command.outcome() != null, "outcome", "an assessment needs an outcome");
        check(command.assessedBy() != null, "assessedBy", "an assessment needs an assessor");
        Rules.knownActor(command.assessedBy(), "assessedBy", directory);
        check(
                !parties.contains(command.assessedBy())
                        && !command.assessedBy().equals(report.reportedBy())
                        && !command.assessedBy().equals(report.accused()),
                "assessedBy",
                "an assessor has no stake in the report: '"
                        + command.assessedBy().value() + "' is "
                        + (parties.contains(command.assessedBy())
                                ? "a party to " + id.value()
                                : command.assessedBy().equals(report.reportedBy()) ? "its reporter" : "its accused"));
        if (command.outcome() == AssessmentOutcome.ATTRIBUTED) {
            check(command.attributedTo() != null, "attributedTo", "an ATTRIBUTED finding names the party responsible");
            // ATTRIBUTED is the finding that lays a claim at a signatory's door; that a non-party did it is
            // the report accusing it, CONFIRMED.
            check(
                    parties.contains(command.attributedTo()),
                    "attributedTo",
                    "'" + command.attributedTo().value() + "' is not a party to " + id.value()
                            + ": an ATTRIBUTED finding names a party; a report against a non-party is CONFIRMED as"
                            + " filed");
        } else {
            check(command.attributedTo() == null, "attributedTo", "only an ATTRIBUTED finding names a party");
        }
        StatedTime assessedAt = command.assessedAt();
        check(assessedAt != null, "assessedAt", "an assessment needs the time it was made");
        check(
                !assessedAt.latest().isBefore(report.occurredAt().earliest()),
                "assessedAt",
                "a report cannot be assessed before the violation occurred");
        Rules.happenedBy(assessedAt, command.receivedAt(), "assessedAt", "an assessment");
        apply(new ViolationAssessed(
                id,
                command.violationId(),
                command.outcome(),
                command.attributedTo(),
                command.assessedBy(),
                assessedAt,
                command.note()));
        return AggregateLifecycle.getVersion();
    }

    @CommandHandler
    public long handle(RetractViolationReport command, Directory directory) {
        VersionConflictException.expect(command.expectedVersion(), AggregateLifecycle.getVersion());
        Report report = report(command.violationId());
        check(!report.retracted(), "violationId", "report '" + command.violationId() + "' was already retracted");
        check(command.retractedBy() != null, "retractedBy", "a retraction needs the actor who withdraws the report");
        check(
                command.retractedBy().equals(report.reportedBy())
                        || brokers.contains(command.retractedBy())
                        || directory
                                .negotiationMediators(negotiationId)
                                .orElse(Set.of())
                                .contains(command.retractedBy()),
                "retractedBy",
                "only the reporter ('" + report.reportedBy().value()
                        + "'), a broker of the commitment or a mediator of its negotiation may retract a report");
        // A broker or a mediator may be the accused (a non-party): it has a stake, so it may not withdraw the claim.
        check(
                !command.retractedBy().equals(report.accused()),
                "retractedBy",
                "the accused cannot withdraw the report against it: '"
                        + report.accused().value() + "' is accused");
        check(command.reason() != null && !command.reason().isBlank(), "reason", "a retraction needs a reason");
        apply(new ViolationReportRetracted(id, command.violationId(), command.retractedBy(), command.reason()));
        return AggregateLifecycle.getVersion();
    }

    private Report report(ViolationId violationId) {
        Report report = reports.get(violationId);
        if (report == null) {
            throw new RecordNotFoundException("no violation report '" + violationId + "' on commitment " + id.value());
        }
        return report;
    }

    private static void checkCasualties(Casualties casualties) {
        if (casualties != null) {
            check(casualties.killed() == null || casualties.killed() >= 0, "casualties.killed", "cannot be negative");
            check(
                    casualties.injured() == null || casualties.injured() >= 0,
                    "casualties.injured",
                    "cannot be negative");
        }
    }

    private static void knownCommitment(CommitmentId commitment, String field, Directory directory) {
        if (!directory.commitmentExists(commitment)) {
            throw new UnknownReferenceException(field, "unknown commitment '" + commitment.value() + "'");
        }
    }

    /** An optional list as an immutable one: empty when absent; a missing element is the client's error. */
    private static <T> List<T> orEmpty(List<T> list, String field) {
        if (list == null) {
            return List.of();
        }
        check(list.stream().allMatch(Objects::nonNull), field, "an element is missing (null)");
        return List.copyOf(list);
    }

    @EventSourcingHandler
    void on(TruceAgreed event) {
        created(
                event.id(),
                event.negotiationId(),
                event.parties(),
                event.brokers(),
                event.agreedAt(),
                event.effectiveFrom());
        expiresAt = event.expiresAt() == null ? null : event.expiresAt().utc();
    }

    @EventSourcingHandler
    void on(PledgeMade event) {
        created(
                event.id(),
                event.negotiationId(),
                event.parties(),
                event.brokers(),
                event.madeAt(),
                event.effectiveFrom());
        pledge = true;
    }

    private void created(
            CommitmentId id,
            NegotiationId negotiationId,
            List<ActorId> parties,
            List<ActorId> brokers,
            StatedTime agreedAt,
            StatedTime effectiveFrom) {
        this.id = id;
        this.negotiationId = negotiationId;
        this.parties = Set.copyOf(parties);
        this.brokers = Set.copyOf(brokers);
        this.agreedAt = agreedAt;
        this.effectiveFrom = effectiveFrom;
    }

    @EventSourcingHandler
    void on(CommitmentExtended event) {
        extensions.add(
                new Extension(event.agreedAt().earliest(), event.expiresAt().utc()));
    }

    @EventSourcingHandler
    void on(CommitmentEnded event) {
        endedAt = event.endedAt().utc();
        endedReason = event.reason();
    }

    @EventSourcingHandler
    void on(CommitmentSuperseded event) {
        Instant at = event.effectiveAt().utc();
        supersededAt = supersededAt == null || at.isBefore(supersededAt) ? at : supersededAt;
    }

    @EventSourcingHandler
    void on(ViolationReported event) {
        reports.put(event.violationId(), new Report(event.reportedBy(), event.accused(), event.occurredAt(), false));
    }

    @EventSourcingHandler
    void on(ViolationReportRetracted event) {
        reports.computeIfPresent(
                event.violationId(), (k, r) -> new Report(r.reportedBy(), r.accused(), r.occurredAt(), true));
    }
}

package org.negotiationledger.projections.fold;

import java.util.ArrayList;
import java.util.List;
import org.negotiationledger.core.commitment.CommitmentEnded;
import org.negotiationledger.core.commitment.CommitmentExtended;
import org.negotiationledger.core.commitment.CommitmentSuperseded;
import org.negotiationledger.core.commitment.PledgeMade;
import org.negotiationledger.core.commitment.TruceAgreed;
import org.negotiationledger.core.commitment.ViolationAssessed;
import org.negotiationledger.core.commitment.ViolationReportRetracted;
import org.negotiationledger.core.commitment.ViolationReported;

/** How a commitment's own events change its state. */
public final class CommitmentFold {

    private CommitmentFold() {}

    static CommitmentState created(Fact fact) {
        Agreement agreement = fact.payload() instanceof TruceAgreed truce
                ? Agreement.of(truce, fact.recordedAt())
                : Agreement.of((PledgeMade) fact.payload(), fact.recordedAt());
        return CommitmentState.agreed(agreement, fact.sequence(), fact.globalIndex());
    }

    /** The commitment an event of a commitment's stream belongs to, or null for any other event. */
    static String commitmentOf(Object event) {
        if (event instanceof ViolationReported e) {
            return e.commitmentId().value();
        } else if (event instanceof ViolationAssessed e) {
            return e.commitmentId().value();
        } else if (event instanceof ViolationReportRetracted e) {
            return e.commitmentId().value();
        } else if (event instanceof CommitmentEnded e) {
            return e.commitmentId().value();
        } else if (event instanceof CommitmentSuperseded e) {
            return e.commitmentId().value();
        } else if (event instanceof CommitmentExtended e) {
            return e.commitmentId().value();
        }
        return null;
    }

    static CommitmentState changed(CommitmentState state, Fact fact) {
        if (fact.payload() instanceof CommitmentExtended e) {
            return state.extended(
                    new CommitmentState.Extension(
                            e.expiresAt(),
                            e.agreedAt(),
                            e.announcedAt(),
                            ViewFold.ids(e.agreedBy()),
                            e.source(),
                            e.note(),
                            fact.recordedAt()),
                    fact.sequence());
        }
        List<ReportState> reports = state.reports();
        List<CommitmentState.Supersession> supersessions = state.supersessions();
        CommitmentState.Ending ending = state.ending();
        Object event = fact.payload();
        if (event instanceof ViolationReported e) {
            reports = new ArrayList<>(reports);
            reports.add(new ReportState(
                    e.violationId().value(),
                    e.reportedBy().value(),
                    e.accused().value(),
                    e.occurredAt(),
                    fact.recordedAt(),
                    e.location(),
                    e.description(),
                    e.casualties(),
                    e.source(),
                    List.of(),
                    null,
                    e.occurredUntil()));
        } else if (event instanceof ViolationAssessed e) {
            reports = replace(
                    reports,
                    e.violationId().value(),
                    r -> r.assessed(new ReportState.Assessment(
                            e.outcome(),
                            e.attributedTo() == null ? null : e.attributedTo().value(),
                            e.assessedBy().value(),
                            e.assessedAt(),
                            e.note(),
                            fact.recordedAt())));
        } else if (event instanceof ViolationReportRetracted e) {
            reports = replace(
                    reports,
                    e.violationId().value(),
                    r -> r.retracted(
                            new ReportState.Retraction(e.retractedBy().value(), e.reason(), fact.recordedAt())));
        } else if (event instanceof CommitmentEnded e) {
            ending = new CommitmentState.Ending(e.reason(), e.endedAt(), e.note(), fact.recordedAt());
        } else if (event instanceof CommitmentSuperseded e) {
            // All are kept (with when each was learned); the one that takes effect first ends it.
            supersessions = new ArrayList<>(supersessions);
            supersessions.add(
                    new CommitmentState.Supersession(e.supersededBy().value(), e.effectiveAt(), fact.recordedAt()));
            supersessions = List.copyOf(supersessions);
        }
        return state.with(List.copyOf(reports), supersessions, ending, fact.sequence());
    }

    /**
     * The reports with the one of {@code violationId} changed. A plain copy and loop: streaming over every report
     * for each finding was a third of the fold's time in a rebuild (JFR, 300,000 events).
     */
    private static List<ReportState> replace(
            List<ReportState> reports, String violationId, java.util.function.UnaryOperator<ReportState> change) {
        List<ReportState> changed = new ArrayList<>(reports);
        for (int i = changed.size() - 1; i >= 0; i--) {
            if (changed.get(i).violationId().equals(violationId)) {
                changed.set(i, change.apply(changed.get(i)));
            }
        }
        return changed;
    }
}

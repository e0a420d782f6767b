package org.negotiationledger.projections.fold;

import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;

/** A commitment whose first standing violation came within the hours asked for: one row of that view. */
public record BrokenCommitment(
        String commitmentId,
        String negotiationId,
        String kind,
        String title,
        Instant effectiveFromUtc,
        Instant firstViolationAtUtc,
        long minutesToFirstViolation,
        String reportedBy,
        String accused,
        String assessment) {

    /** The commitments broken within {@code hours} of taking effect, shortest time first. */
    public static List<BrokenCommitment> within(double hours, Collection<CommitmentView> views) {
        double minutes = hours * 60;
        return views.stream()
                .filter(v -> v.minutesToFirstViolation() != null && v.minutesToFirstViolation() <= minutes)
                .map(v -> new BrokenCommitment(
                        v.id(),
                        v.agreement().negotiationId(),
                        v.agreement().kind(),
                        v.agreement().title(),
                        v.agreement().effectiveFrom().utc(),
                        v.firstViolationAtUtc(),
                        v.minutesToFirstViolation(),
                        v.firstViolation().reportedBy(),
                        v.firstViolation().accused(),
                        v.firstViolation().assessment()))
                .sorted(Comparator.comparingLong(BrokenCommitment::minutesToFirstViolation)
                        .thenComparing(BrokenCommitment::effectiveFromUtc)
                        .thenComparing(BrokenCommitment::commitmentId))
                .toList();
    }
}

package org.negotiationledger.projections.fold;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * One actor's record at a valid time: the commitments it is a party to (with their status), the standing
 * reports against it (and how many were confirmed), the reports it filed, and the statements it issued.
 */
public record PartyRecord(
        String actorId,
        String name,
        String kind,
        List<CommitmentSummary> commitments,
        int standingReportsAgainst,
        int confirmedReportsAgainst,
        List<ReportSummary> reportsAgainst,
        List<ReportSummary> reportsFiled,
        List<String> statements,
        Instant validAt) {

    public record CommitmentSummary(String commitmentId, String title, String kind, CommitmentView.Status status) {}

    public record ReportSummary(
            String commitmentId,
            String violationId,
            String reportedBy,
            String accused,
            Instant occurredAtUtc,
            boolean standing,
            String assessment) {}

    /**
     * Builds the record from the commitments that concern the actor (as party, accused or reporter) and its
     * statements.
     */
    public static PartyRecord of(
            ActorState actor,
            Collection<CommitmentState> commitments,
            Collection<StatementState> statements,
            Instant at) {
        List<CommitmentSummary> asParty = new ArrayList<>();
        List<ReportSummary> against = new ArrayList<>();
        List<ReportSummary> filed = new ArrayList<>();
        int standing = 0;
        int confirmed = 0;
        for (CommitmentState commitment : commitments) {
            if (commitment.agreement().agreedAt().earliest().isAfter(at)) {
                continue;
            }
            if (commitment.agreement().parties().contains(actor.id())) {
                CommitmentViews.at(commitment, at)
                        .ifPresent(v -> asParty.add(new CommitmentSummary(
                                v.id(), v.agreement().title(), v.agreement().kind(), v.status())));
            }
            for (ReportState report : commitment.reports()) {
                if (report.countsFrom().isAfter(at)) {
                    continue;
                }
                ReportSummary summary = new ReportSummary(
                        commitment.id(),
                        report.violationId(),
                        report.reportedBy(),
                        report.accused(),
                        report.countsFrom(),
                        report.standing(),
                        report.assessment() == null
                                ? null
                                : report.assessment().outcome().name());
                if (report.accused().equals(actor.id())) {
                    against.add(summary);
                    standing += report.standing() ? 1 : 0;
                    confirmed += report.confirmed() ? 1 : 0;
                }
                if (report.reportedBy().equals(actor.id())) {
                    filed.add(summary);
                }
            }
        }
        List<String> issued = statements.stream()
                .filter(s -> s.author().equals(actor.id()))
                .filter(s -> !s.issuedAt().earliest().isAfter(at))
                .map(StatementState::id)
                .sorted()
                .toList();
        return new PartyRecord(
                actor.id(),
                actor.name(),
                actor.kind().name(),
                asParty,
                standing,
                confirmed,
                against,
                filed,
                issued,
                at);
    }
}

package org.negotiationledger.projections.fold;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.negotiationledger.core.commitment.EndReason;
import org.negotiationledger.core.shared.StatedTime;

/**
 * Everything the views know of one commitment, folded from its events (and from later truces that renew it).
 * Time-independent: what status it has is judged at a valid time by {@link CommitmentViews#at}.
 *
 * @param category     {@code TRUCE} or {@code PLEDGE}
 * @param agreedAt     agreed-at of a truce, made-at of a pledge
 * @param supersession the later commitment that supersedes this one and when it takes effect, or null
 * @param ending       the explicit end, or null
 * @param lastSequence the last event of this commitment's stream folded in, so that a redelivered event is
 *                     recognised and changes nothing
 */
public record CommitmentState(
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
        List<String> renewedBy,
        String source,
        Instant recordedAt,
        Supersession supersession,
        Ending ending,
        List<ReportState> reports,
        long lastSequence) {

    public record Supersession(String supersededBy, StatedTime effectiveAt, Instant recordedAt) {
    }

    public record Ending(EndReason reason, StatedTime endedAt, String note, Instant recordedAt) {
    }

    CommitmentState with(List<ReportState> newReports, Supersession newSupersession, Ending newEnding,
            long sequence) {
        return new CommitmentState(id, negotiationId, category, kind, title, parties, brokers, venue, agreedAt,
                effectiveFrom, expiresAt, terms, renews, supersedes, renewedBy, source, recordedAt, newSupersession,
                newEnding, newReports, sequence);
    }

    /** The same commitment with these reports: the store keeps reports apart and joins them back. */
    public CommitmentState withReports(List<ReportState> newReports) {
        return new CommitmentState(id, negotiationId, category, kind, title, parties, brokers, venue, agreedAt,
                effectiveFrom, expiresAt, terms, renews, supersedes, renewedBy, source, recordedAt, supersession,
                ending, List.copyOf(newReports), lastSequence);
    }

    CommitmentState renewedBy(String renewer) {
        if (renewedBy.contains(renewer)) {
            return this;
        }
        List<String> renewers = new ArrayList<>(renewedBy);
        renewers.add(renewer);
        return new CommitmentState(id, negotiationId, category, kind, title, parties, brokers, venue, agreedAt,
                effectiveFrom, expiresAt, terms, renews, supersedes, List.copyOf(renewers), source, recordedAt,
                supersession, ending, reports, lastSequence);
    }
}

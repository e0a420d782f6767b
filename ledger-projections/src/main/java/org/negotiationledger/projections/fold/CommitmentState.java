package org.negotiationledger.projections.fold;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.negotiationledger.core.commitment.EndReason;
import org.negotiationledger.core.shared.StatedTime;

/**
 * Everything the views know of one commitment, folded from its events (and from later truces that renew it):
 * the {@link Agreement} as made, and what later events add to it. Time-independent: what status it has is
 * judged at a valid time by {@link CommitmentViews#at}.
 *
 * <p>The agreement's fields are stored at the top level of the state's JSON ({@link JsonUnwrapped}), as they
 * were before the agreement had a record of its own: the stored layout is that of view schema 1.
 *
 * @param renewals      the later truces that renew this one, with when the ledger learned of each
 * @param supersessions the later commitments that supersede this one, in the order recorded
 * @param ending        the explicit end, or null
 * @param extensions    the extensions of a truce's expiry, in the order recorded (empty in a row stored before
 *                      extensions existed, which reads as null)
 * @param lastSequence the last event of this commitment's stream folded in, so that a redelivered event is
 *                     recognised and changes nothing
 * @param firstIndex   the global index of the event that created it: a number of its own, under which a
 *                     store can keep its reports next to each other
 */
public record CommitmentState(
        @JsonUnwrapped Agreement agreement,
        List<Renewal> renewals,
        List<Supersession> supersessions,
        Ending ending,
        List<ReportState> reports,
        long lastSequence,
        long firstIndex,
        // left out while empty: a commitment never extended keeps the stored layout of view schema 1
        @JsonInclude(JsonInclude.Include.NON_EMPTY) List<Extension> extensions) {

    public CommitmentState {
        extensions = extensions == null ? List.of() : extensions;
    }

    /**
     * An extension: from {@code agreedAt} (its earliest instant, as the aggregate judges it) the truce is due to
     * expire at {@code expiresAt}; before, at the expiry it had.
     */
    public record Extension(
            StatedTime expiresAt,
            StatedTime agreedAt,
            StatedTime announcedAt,
            List<String> agreedBy,
            String source,
            String note,
            Instant recordedAt) {}

    /**
     * The expiry in force at valid time {@code at}: the latest of the agreed one and those of the extensions
     * agreed by then; null for a commitment without expiry.
     */
    public StatedTime expiresAt(Instant at) {
        StatedTime expiry = agreement.expiresAt();
        if (expiry == null) {
            return null;
        }
        for (Extension e : extensions) {
            if (!e.agreedAt().earliest().isAfter(at) && e.expiresAt().utc().isAfter(expiry.utc())) {
                expiry = e.expiresAt();
            }
        }
        return expiry;
    }

    /** The latest expiry the commitment has (its final one: extensions only move it later), or null. */
    public StatedTime currentExpiry() {
        return expiresAt(Instant.MAX);
    }

    CommitmentState extended(Extension extension, long sequence) {
        List<Extension> all = new ArrayList<>(extensions);
        all.add(extension);
        return new CommitmentState(
                agreement, renewals, supersessions, ending, reports, sequence, firstIndex, List.copyOf(all));
    }

    /** A commitment as the event that created it left it: agreed, and nothing since. */
    static CommitmentState agreed(Agreement agreement, long sequence, long globalIndex) {
        return new CommitmentState(agreement, List.of(), List.of(), null, List.of(), sequence, globalIndex, List.of());
    }

    /** The commitment's id (its agreement's). */
    public String id() {
        return agreement.id();
    }

    public record Supersession(String supersededBy, StatedTime effectiveAt, Instant recordedAt) {}

    public record Renewal(String renewedBy, Instant recordedAt) {}

    /** The ids of the truces that renew this one. */
    public List<String> renewedBy() {
        return renewals.stream().map(Renewal::renewedBy).toList();
    }

    /** The supersession that ends this commitment: the one that takes effect first, or null. */
    public Supersession supersession() {
        Supersession first = null;
        for (Supersession s : supersessions) {
            if (first == null
                    || s.effectiveAt().utc().isBefore(first.effectiveAt().utc())) {
                first = s;
            }
        }
        return first;
    }

    /**
     * The commitment as the ledger knew it at record time {@code asOf}: only the facts recorded by then. Null
     * when the commitment itself was recorded later.
     */
    public CommitmentState asOf(Instant asOf) {
        if (agreement.recordedAt().isAfter(asOf)) {
            return null;
        }
        return changed(
                renewals.stream().filter(r -> !r.recordedAt().isAfter(asOf)).toList(),
                supersessions.stream()
                        .filter(s -> !s.recordedAt().isAfter(asOf))
                        .toList(),
                ending == null || ending.recordedAt().isAfter(asOf) ? null : ending,
                reports.stream()
                        .map(r -> r.asOf(asOf))
                        .filter(java.util.Objects::nonNull)
                        .toList(),
                lastSequence,
                extensions.stream().filter(e -> !e.recordedAt().isAfter(asOf)).toList());
    }

    public record Ending(EndReason reason, StatedTime endedAt, String note, Instant recordedAt) {}

    CommitmentState with(
            List<ReportState> newReports, List<Supersession> newSupersessions, Ending newEnding, long sequence) {
        return changed(renewals, newSupersessions, newEnding, newReports, sequence, extensions);
    }

    /** The same commitment with these reports: the store keeps reports apart and joins them back. */
    public CommitmentState withReports(List<ReportState> newReports) {
        return changed(renewals, supersessions, ending, List.copyOf(newReports), lastSequence, extensions);
    }

    CommitmentState renewedBy(String renewer, Instant at) {
        if (renewedBy().contains(renewer)) {
            return this;
        }
        List<Renewal> renewers = new ArrayList<>(renewals);
        renewers.add(new Renewal(renewer, at));
        return changed(List.copyOf(renewers), supersessions, ending, reports, lastSequence, extensions);
    }

    /** The same agreement with what later events change: renewals, supersessions, ending, reports, last event. */
    private CommitmentState changed(
            List<Renewal> newRenewals,
            List<Supersession> newSupersessions,
            Ending newEnding,
            List<ReportState> newReports,
            long sequence,
            List<Extension> newExtensions) {
        return new CommitmentState(
                agreement, newRenewals, newSupersessions, newEnding, newReports, sequence, firstIndex, newExtensions);
    }
}

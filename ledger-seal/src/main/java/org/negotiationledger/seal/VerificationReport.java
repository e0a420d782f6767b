package org.negotiationledger.seal;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.negotiationledger.core.shared.RecordId;

/**
 * What a verification found, from the server or from an export, the same either way: the answer of
 * {@code GET /api/v1/audit/verify} as the contract has it, with where a break is.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record VerificationReport(
        boolean verified,
        long events,
        long unsealed,
        String head,
        long headIndex,
        String aggregateId,
        String aggregateType,
        Long sequence,
        Long globalIndex,
        String reason,
        Noted noted) {

    /** A head an auditor noted earlier, and whether the history up to its index still gives it. */
    public record Noted(long globalIndex, String head, String headNow, boolean matches) {}

    /** The report of a verifier's result, judged against the head an auditor noted (null: none). */
    public static VerificationReport of(HistoryVerifier.Result result, String notedHead) {
        Noted noted = result.notedIndex() == null
                ? null
                : new Noted(
                        result.notedIndex(),
                        notedHead,
                        result.headAtNotedIndex(),
                        notedHead != null && notedHead.equalsIgnoreCase(result.headAtNotedIndex()));
        VerificationReport verified = new VerificationReport(
                true,
                result.events(),
                result.unsealed(),
                result.head(),
                result.lastIndex(),
                null,
                null,
                null,
                null,
                null,
                noted);
        HistoryVerifier.Break broken = result.broken();
        if (broken != null) {
            return verified.brokenAt(broken.stream(), broken.sequence(), broken.globalIndex(), broken.reason());
        }
        if (noted != null && notedHead != null && !noted.matches()) {
            return verified.brokenAt(
                    null,
                    null,
                    noted.globalIndex(),
                    "the history up to global index " + noted.globalIndex()
                            + " no longer gives the head noted then: it was changed, or events were removed, added or "
                            + "reordered");
        }
        return verified;
    }

    /**
     * This report, but broken for this reason: at a record's event when the stream is known, at a global index
     * when that is.
     */
    public VerificationReport brokenAt(String stream, Long sequence, Long globalIndex, String reason) {
        return new VerificationReport(
                false,
                events,
                unsealed,
                head,
                headIndex,
                stream == null ? null : RecordId.slugOf(stream),
                stream == null ? null : RecordId.kindOf(stream),
                sequence,
                globalIndex,
                reason,
                noted);
    }
}

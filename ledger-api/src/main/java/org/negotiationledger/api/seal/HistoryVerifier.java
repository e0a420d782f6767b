package org.negotiationledger.api.seal;

import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * Checks a history event by event in global order, as the server reads it from its tables or an auditor from
 * an export: each record's events must run 0, 1, 2, ... and each event's digest must be the one its content
 * and its predecessor's digest give. The first break is kept, with where it is. Every event also folds into
 * the head, which changes if anything anywhere changes, the global order included; an auditor who noted a
 * head can check, later, that the history up to that point is still the one it was.
 */
public final class HistoryVerifier {

    /** One stored event, with its payload as stored and its metadata in canonical form. */
    public record Event(long globalIndex, String stream, long sequence, String eventId, String payloadType,
            String payloadRevision, String recordedAt, byte[] payload, byte[] canonicalMetadata, String digest) {
    }

    /** Where the history first fails to verify, and why. */
    public record Break(String stream, long sequence, long globalIndex, String reason) {
    }

    /** The outcome: the events read, the head, and the first break (null when none). */
    public record Result(long events, long unsealed, long lastIndex, String head, Break broken,
            Long notedIndex, String headAtNotedIndex) {

        public boolean verified() {
            return broken == null;
        }
    }

    private record Last(long sequence, byte[] digest) {
    }

    /** For {@code sealedAfter}: sealing began with the first event that carries a digest. */
    public static final long UNTIL_FIRST_SEALED = Long.MAX_VALUE;

    private long sealedAfter;
    private final Long notedIndex;
    private final Map<String, Last> records = new HashMap<>();
    private final MessageDigest sha = Seal.sha256();
    private byte[] head = Seal.ZERO;
    private long events;
    private long unsealed;
    private long lastIndex;
    private Break broken;
    private String headAtNotedIndex;

    /**
     * @param sealedAfter events at or below this global index were recorded before this ledger sealed events,
     *                    and carry no digest; every later one must
     * @param notedIndex  a global index at which to report the head (for comparing with a head noted then)
     */
    public HistoryVerifier(long sealedAfter, Long notedIndex) {
        this.sealedAfter = sealedAfter;
        this.notedIndex = notedIndex;
    }

    public void accept(Event event) {
        events++;
        if (notedIndex != null && lastIndex <= notedIndex && event.globalIndex() > notedIndex) {
            headAtNotedIndex = Seal.hex(head);
        }
        lastIndex = event.globalIndex();
        if (sealedAfter == UNTIL_FIRST_SEALED && event.digest() != null) {
            sealedAfter = event.globalIndex() - 1;
        }
        Last last = records.get(event.stream());
        long expected = last == null ? 0 : last.sequence() + 1;
        byte[] digest;
        if (event.digest() == null && event.globalIndex() <= sealedAfter) {
            unsealed++;
            digest = Seal.ZERO;
        } else {
            if (event.sequence() != expected && broken == null) {
                broken = new Break(event.stream(), expected, event.globalIndex(), event.sequence() > expected
                        ? "event " + expected + " of the record is missing (the next one found is " + event.sequence() + ")"
                        : "event " + event.sequence() + " of the record appears again or out of order");
            }
            digest = Seal.digest(last == null ? Seal.ZERO : last.digest(), event.stream(), event.sequence(),
                    event.eventId(), event.payloadType(), event.payloadRevision(), event.recordedAt(), event.payload(),
                    event.canonicalMetadata());
            if (broken == null) {
                if (event.digest() == null) {
                    broken = new Break(event.stream(), event.sequence(), event.globalIndex(),
                            "the event carries no digest: it was not written by the ledger");
                } else if (!Arrays.equals(digest, unhex(event.digest()))) {
                    broken = new Break(event.stream(), event.sequence(), event.globalIndex(),
                            "the event's content or its place in the record's chain differs from what was sealed");
                }
            }
        }
        records.put(event.stream(), new Last(event.sequence(), digest));
        head = Seal.nextHead(sha, head, event.globalIndex(), digest);
    }

    public Result result() {
        String noted = headAtNotedIndex;
        if (notedIndex != null && noted == null && lastIndex <= notedIndex) {
            noted = Seal.hex(head);
        }
        return new Result(events, unsealed, lastIndex, Seal.hex(head), broken, notedIndex, noted);
    }

    private static byte[] unhex(String hex) {
        try {
            return Seal.unhex(hex);
        } catch (IllegalArgumentException e) {
            return new byte[0];
        }
    }
}

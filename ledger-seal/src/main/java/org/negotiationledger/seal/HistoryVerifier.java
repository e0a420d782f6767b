package org.negotiationledger.seal;

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
 *
 * <p>Seals cannot be switched off. Each sealed event states, under its seal, after which global index the
 * ledger began to seal ({@link Seal#SEALED_AFTER}); an event without a seal passes only if it comes before
 * every sealed event and at or before that index (it was recorded by a ledger from before sealing). So an
 * event whose seal was stripped, a sealing start moved (in the server's table, or in an export), or a history
 * stripped of every seal is a break, not an {@code unsealed} count.
 */
public final class HistoryVerifier {

    /**
     * One stored event: its place in the history, what its seal covers, and what its metadata states (its digest
     * and where sealing began; both null when it is unsealed).
     */
    public record Event(long globalIndex, Seal.Content content, String digest, Long sealedAfter) {

        public String stream() {
            return content.stream();
        }

        public long sequence() {
            return content.sequence();
        }
    }

    /** Where the history first fails to verify, and why. */
    public record Break(String stream, long sequence, long globalIndex, String reason) {}

    /** The outcome: the events read, the head, and the first break (null when none). */
    public record Result(
            long events,
            long unsealed,
            long lastIndex,
            String head,
            Break broken,
            Long notedIndex,
            String headAtNotedIndex) {

        public boolean verified() {
            return broken == null;
        }
    }

    private record Last(long sequence, byte[] digest) {}

    private record Position(String stream, long sequence, long globalIndex) {}

    private final Long claimedSealedAfter;
    private final Long notedIndex;
    private final Map<String, Last> records = new HashMap<>();
    private final MessageDigest sha = Seal.sha256();
    private byte[] head = Seal.ZERO;
    private long events;
    private long unsealed;
    private long lastIndex;
    private boolean anySealed;
    /** Where sealing began, as the sealed events state it; null until one does. */
    private Long statedSealedAfter;

    private Position firstUnsealed;
    private Position lastUnsealed;
    private Break broken;
    private String headAtNotedIndex;

    /**
     * @param claimedSealedAfter where the verifying side believes sealing began (the server's own record of
     *                           it), checked against what the events state; null when it does not know (an export)
     * @param notedIndex         a global index at which to report the head (for comparing with a head noted then)
     */
    public HistoryVerifier(Long claimedSealedAfter, Long notedIndex) {
        this.claimedSealedAfter = claimedSealedAfter;
        this.notedIndex = notedIndex;
    }

    public void accept(Event event) {
        events++;
        if (notedIndex != null && lastIndex <= notedIndex && event.globalIndex() > notedIndex) {
            headAtNotedIndex = Seal.hex(head);
        }
        if (events > 1 && event.globalIndex() <= lastIndex) {
            refuse(
                    event.stream(),
                    event.sequence(),
                    event.globalIndex(),
                    "the global index " + event.globalIndex() + " does not follow " + lastIndex
                            + ": events were reordered");
        }
        lastIndex = event.globalIndex();
        Last last = records.get(event.stream());
        byte[] digest;
        if (event.digest() == null) {
            unsealed++;
            digest = Seal.ZERO;
            Position here = new Position(event.stream(), event.sequence(), event.globalIndex());
            Long sealedAfter = statedSealedAfter != null ? statedSealedAfter : claimedSealedAfter;
            if (anySealed || sealedAfter != null && event.globalIndex() > sealedAfter) {
                refuse(here, unsealedAfter(sealedAfter));
            }
            firstUnsealed = firstUnsealed == null ? here : firstUnsealed;
            lastUnsealed = here;
        } else {
            anySealed = true;
            if (event.sealedAfter() != null && statedSealedAfter == null) {
                sealingStated(event);
            }
            long expected = last == null ? 0 : last.sequence() + 1;
            if (event.sequence() != expected) {
                refuse(
                        event.stream(),
                        expected,
                        event.globalIndex(),
                        event.sequence() > expected
                                ? "event " + expected + " of the record is missing (the next one found is "
                                        + event.sequence() + ")"
                                : "event " + event.sequence() + " of the record appears again or out of order");
            }
            digest = Seal.digest(last == null ? Seal.ZERO : last.digest(), event.content());
            if (!Arrays.equals(digest, unhex(event.digest()))) {
                refuse(
                        event.stream(),
                        event.sequence(),
                        event.globalIndex(),
                        "the event's content or its place in the record's chain differs from what was sealed");
            }
        }
        records.put(event.stream(), new Last(event.sequence(), digest));
        head = Seal.nextHead(sha, head, event.globalIndex(), digest);
    }

    /** The first sealed event that states where sealing began: the unsealed events seen so far must precede it. */
    private void sealingStated(Event event) {
        statedSealedAfter = event.sealedAfter();
        if (claimedSealedAfter != null && !claimedSealedAfter.equals(statedSealedAfter)) {
            refuse(
                    event.stream(),
                    event.sequence(),
                    event.globalIndex(),
                    "the ledger's record of where sealing began (" + claimedSealedAfter
                            + ") is not the one sealed into its events (" + statedSealedAfter + ")");
        }
        if (lastUnsealed != null && lastUnsealed.globalIndex() > statedSealedAfter) {
            refuse(
                    firstUnsealed.globalIndex() > statedSealedAfter ? firstUnsealed : lastUnsealed,
                    unsealedAfter(statedSealedAfter));
        }
    }

    private static String unsealedAfter(Long sealedAfter) {
        return "the event carries no digest, though every event after global index "
                + (sealedAfter == null ? "?" : sealedAfter) + " is sealed: its seal was removed, or it was not "
                + "written by the ledger";
    }

    /** Records a break found outside the sealed content (an export's own fields, say), unless one came first. */
    public void refuse(String stream, long sequence, long globalIndex, String reason) {
        if (broken == null) {
            broken = new Break(stream, sequence, globalIndex, reason);
        }
    }

    private void refuse(Position where, String reason) {
        refuse(where.stream(), where.sequence(), where.globalIndex(), reason);
    }

    public Result result() {
        if (events > 0 && !anySealed) {
            refuse(
                    firstUnsealed,
                    "no event of this history carries a seal: its seals were removed, or it was not "
                            + "written by a sealing ledger");
        }
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

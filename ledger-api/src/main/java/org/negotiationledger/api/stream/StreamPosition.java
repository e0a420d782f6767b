package org.negotiationledger.api.stream;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.negotiationledger.api.problem.InvalidFieldException;
import org.negotiationledger.core.shared.RecordId;

/**
 * Where a client's stream had got to, from its {@code Last-Event-ID}: a global index, and for a timeline the
 * entry of that event. Absent, the stream starts with the current state.
 */
record StreamPosition(long index, int entry) {

    static final StreamPosition START = new StreamPosition(-1, Integer.MAX_VALUE);
    private static final String FIELD = "Last-Event-ID";
    private static final Pattern COMMITMENTS =
            Pattern.compile("(\\d{1,18})(?:@(\\d{1,18})(?:~(" + RecordId.SYNTAX + "))?)?");

    /** A commitments or broken stream's id, from the header or else the parameter: a global index. */
    static long index(String header, String parameter) {
        String lastEventId = header != null ? header : parameter;
        if (lastEventId == null || lastEventId.isBlank()) {
            return START.index();
        }
        try {
            long index = Long.parseLong(lastEventId.strip());
            if (index >= 0) {
                return index;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw new InvalidFieldException(FIELD, "must be an event id this stream sent: a global index, 0 or more");
    }

    /**
     * Where a commitments stream had got to: the global index of the last change it sent, and the moment up to
     * which it had sent the changes that come with the clock ({@code judgedAt}, epoch milliseconds; null for an
     * id without one, whose stream resumes judged from now), and within that moment the last commitment so sent.
     */
    record Commitments(long index, Long judgedAt, String commitmentId) {}

    /** A commitments stream's id: {@code <global index>}, {@code <index>@<ms>} or {@code <index>@<ms>~<commitment>}. */
    static Commitments commitments(String header, String parameter) {
        String lastEventId = header != null ? header : parameter;
        if (lastEventId == null || lastEventId.isBlank()) {
            return new Commitments(START.index(), null, null);
        }
        Matcher id = COMMITMENTS.matcher(lastEventId.strip());
        if (id.matches()) {
            try {
                return new Commitments(
                        Long.parseLong(id.group(1)),
                        id.group(2) == null ? null : Long.parseLong(id.group(2)),
                        id.group(3));
            } catch (NumberFormatException e) {
                // answered below
            }
        }
        throw new InvalidFieldException(
                FIELD,
                "must be an event id this stream sent: <global index>, optionally "
                        + "followed by @<moment> and ~<commitment>");
    }

    /** A timeline stream's id, from the header or else the parameter: {@code <global index>-<entry>}. */
    static StreamPosition entry(String header, String parameter) {
        String lastEventId = header != null ? header : parameter;
        if (lastEventId == null || lastEventId.isBlank()) {
            return START;
        }
        String[] parts = lastEventId.strip().split("-", -1);
        try {
            if (parts.length == 2) {
                long index = Long.parseLong(parts[0]);
                int entry = Integer.parseInt(parts[1]);
                if (index >= 0 && entry >= 0) {
                    return new StreamPosition(index, entry);
                }
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw new InvalidFieldException(FIELD, "must be an event id this stream sent: <global index>-<entry>");
    }
}

package org.negotiationledger.api.stream;

import org.negotiationledger.api.problem.InvalidFieldException;

/**
 * Where a client's stream had got to, from its {@code Last-Event-ID}: a global index, and for a timeline the
 * entry of that event. Absent, the stream starts with the current state.
 */
record StreamPosition(long index, int entry) {

    static final StreamPosition START = new StreamPosition(-1, Integer.MAX_VALUE);
    private static final String FIELD = "Last-Event-ID";

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

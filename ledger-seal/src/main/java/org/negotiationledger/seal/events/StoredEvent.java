package org.negotiationledger.seal.events;

import java.time.Instant;
import org.axonframework.common.DateTimeUtils;

/**
 * One row of the event table as stored, before any work on it: the payload and metadata are the serialized
 * bytes, the record time is the text Axon wrote ({@link #recordedAt()} parses it).
 */
public record StoredEvent(
        long globalIndex,
        String aggregateIdentifier,
        long sequenceNumber,
        String eventIdentifier,
        String payloadType,
        String payloadRevision,
        String timeStamp,
        byte[] payload,
        byte[] metaData) {

    /** The record time: Axon keeps it as ISO-8601 text. */
    public Instant recordedAt() {
        return DateTimeUtils.parseInstant(timeStamp);
    }
}

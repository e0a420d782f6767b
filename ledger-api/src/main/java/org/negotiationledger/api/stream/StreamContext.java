package org.negotiationledger.api.stream;

import java.util.List;
import java.util.function.Supplier;

/**
 * What a subscription may ask of this server's streams, and no more: a thread to send on, what it read made
 * durable, a read shared with the streams at the same place, and the clock. A subscription never sees the other
 * streams, nor what wakes them.
 */
interface StreamContext {

    /** Runs {@code work} on one of the threads that write to the streams. */
    void execute(Runnable work);

    /** Returns once what was read is on disk ({@link org.negotiationledger.api.storage.DurableReads}). */
    void confirmDurable();

    /**
     * What {@code fetch} reads, read once for every stream of {@code topic} that asks for the same {@code read}
     * (what it is and where the stream is) while the views stand where they were last polled.
     */
    <T> T shared(Topic topic, List<Object> read, Supplier<T> fetch);

    /** The valid time a stream judges the views at now, in epoch milliseconds. */
    long now();

    /** The commitments whose views the clock alone changed after {@code from} up to {@code until}. */
    List<ClockChanges.Change> clockChanges(ClockChanges.Change from, long until);

    /** How many times the clock has changed some view: part of the key of reads that depend on it. */
    long clockTicks();
}

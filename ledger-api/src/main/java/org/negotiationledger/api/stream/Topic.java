package org.negotiationledger.api.stream;

/** What a stream follows: a change to the commitments (and so to the broken lists), or to the timelines. */
enum Topic {
    COMMITMENTS,
    TIMELINE
}

package org.negotiationledger.projections.fold;

import java.time.Instant;

/**
 * One stored event as the folds see it: its place in the global order and in its record's stream, the record
 * time the ledger stamped, and the domain event itself.
 */
public record Fact(long globalIndex, String stream, long sequence, Instant recordedAt, Object payload) {}

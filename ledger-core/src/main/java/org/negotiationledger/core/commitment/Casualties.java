package org.negotiationledger.core.commitment;

/** Casualties a report claims; either count may be unknown (null). */
public record Casualties(Integer killed, Integer injured) {}

package org.negotiationledger.core.commitment;

/** Where a violation occurred: a place name, and coordinates (WGS 84) when the source gives them. */
public record Location(String name, Double latitude, Double longitude) {}

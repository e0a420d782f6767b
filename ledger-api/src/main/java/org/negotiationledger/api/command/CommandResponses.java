package org.negotiationledger.api.command;

/** The body of a 201: the record's id and new version. */
public record CommandResponses(String id, long version) {}

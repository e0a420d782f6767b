package org.negotiationledger.projections.rebuild;

/** Where the rebuild asked of the servers stands, as the {@code view_rebuild} row keeps it (by name). */
public enum RebuildState {
    /** No rebuild was ever asked for (an empty ledger at its first start). */
    NONE,
    /** Asked for; whichever server holds the views' work takes it up. */
    REQUESTED,
    /** Taken up by the server the row names as builder, whose heartbeat moves while it builds. */
    BUILDING,
    /** The last rebuild switched: the generation it built serves. */
    DONE,
    /** The last rebuild failed; the generation before it goes on serving until a new request. */
    FAILED
}

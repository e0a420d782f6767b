package org.negotiationledger.projections.rebuild;

/**
 * The {@code view_rebuild} row as read: its state, the generation that serves, the server building (while
 * {@link RebuildState#BUILDING}) and its heartbeat, and the build's progress.
 */
public record RebuildRequest(
        RebuildState state, int serving, String builder, long heartbeat, long done, long total, long elapsedMs) {}

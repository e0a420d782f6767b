package org.negotiationledger.projections.rebuild;

/**
 * Progress of the views: {@code done} events of {@code total} (global indexes), and while a rebuild runs, its
 * rate in events per second and the seconds it expects still to take; the generation that serves, and why the
 * views are failed, if they are.
 */
public record Progress(
        State state,
        long done,
        long total,
        double percent,
        Double rate,
        Long secondsLeft,
        int generation,
        String error) {

    /** What a client is told: the views are being (re)built, are current up to {@code done}, or failed. */
    public enum State {
        RUNNING,
        DONE,
        FAILED
    }
}

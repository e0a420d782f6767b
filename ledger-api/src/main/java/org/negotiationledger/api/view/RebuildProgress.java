package org.negotiationledger.api.view;

import org.negotiationledger.projections.rebuild.Progress;

/**
 * The answer of {@link RebuildController}: progress of the views, {@code done} events of {@code total} (global
 * indexes), and while a rebuild runs, its rate in events per second and the seconds it expects still to take.
 */
public record RebuildProgress(
        String view,
        String state,
        long done,
        long total,
        double percent,
        Double rate,
        Long secondsLeft,
        int generation,
        String error) {

    static RebuildProgress of(String view, Progress progress) {
        return new RebuildProgress(
                view,
                progress.state().name(),
                progress.done(),
                progress.total(),
                progress.percent(),
                progress.rate(),
                progress.secondsLeft(),
                progress.generation(),
                progress.error());
    }
}

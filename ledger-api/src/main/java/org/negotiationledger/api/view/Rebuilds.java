package org.negotiationledger.api.view;

import java.util.Map;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.negotiationledger.projections.store.ViewProjection;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/**
 * Rebuilds the views from the full history: the projection's processor is stopped, its token reset (the
 * projection's reset handler empties the view tables), and started again; it then replays every event through
 * the same fold as the live projection. Progress is the replay's position against the head of the history as
 * it stands now: {@code done == total} with state {@code DONE} means the views have caught up with the history.
 */
@Service
public class Rebuilds {

    /** Progress of the views' processor: {@code done} events of {@code total}. */
    public record Progress(String view, String state, long done, long total, double percent, String error) {
    }

    private final EventProcessingConfiguration processing;
    private final JdbcTemplate jdbc;
    private volatile long target;

    public Rebuilds(EventProcessingConfiguration processing, JdbcTemplate jdbc) {
        this.processing = processing;
        this.jdbc = jdbc;
    }

    public synchronized Progress start(String view) {
        StreamingEventProcessor processor = processor();
        target = head();
        processor.shutDown();
        processor.resetTokens();
        processor.start();
        return progress(view);
    }

    public Progress progress(String view) {
        StreamingEventProcessor processor = processor();
        Map<Integer, EventTrackerStatus> status = processor.processingStatus();
        long total = Math.max(target, head());
        long done = status.values().stream().map(EventTrackerStatus::getCurrentPosition)
                .mapToLong(position -> position.orElse(0L)).min().orElse(0L);
        String error = status.values().stream().filter(EventTrackerStatus::isErrorState)
                .map(s -> String.valueOf(s.getError())).findFirst().orElse(null);
        // Judged by position, not isReplaying(): Axon's replay token stays a replay token until an event beyond
        // the reset point arrives, which in a quiet ledger may be never.
        String state = error != null ? "FAILED" : done < total ? "RUNNING" : "DONE";
        done = Math.min(done, total);
        double percent = total == 0 ? 100.0 : Math.floor(1000.0 * done / total) / 10.0;
        return new Progress(view, state, done, total, percent, error);
    }

    public boolean isReplaying() {
        return processor().isReplaying();
    }

    private long head() {
        Long max = jdbc.queryForObject("SELECT MAX(globalIndex) FROM DomainEventEntry", Long.class);
        return max == null ? 0 : max;
    }

    StreamingEventProcessor processor() {
        return processing.eventProcessor(ViewProjection.GROUP, StreamingEventProcessor.class).orElseThrow(() ->
                new IllegalStateException("no event processor '" + ViewProjection.GROUP + "'"));
    }

}

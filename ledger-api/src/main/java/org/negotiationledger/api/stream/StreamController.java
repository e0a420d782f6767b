package org.negotiationledger.api.stream;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.negotiationledger.api.param.Hours;
import org.negotiationledger.api.param.Slug;
import org.negotiationledger.api.problem.InvalidFieldException;
import org.negotiationledger.api.view.Views;
import org.negotiationledger.projections.tables.ViewQueries;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * The Subscriptions of http-api.md: Server-Sent Events, resumable with {@code Last-Event-ID}; with
 * {@code follow=false}, the events up to now and the end of the answer, for clients that wait for one.
 */
@RestController
@RequestMapping(path = "/api/v1/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
@Tag(name = "Streams", description = "Live view updates as Server-Sent Events, for dashboards.")
class StreamController {

    private static final String RESUME = "the id of the last event received: the stream sends only what came after";
    private static final String RESUME_PARAMETER =
            "as Last-Event-ID, for clients that cannot set the header; the header wins";
    private static final String FOLLOW = "false: send the events up to now (the current state, or what came after "
            + "Last-Event-ID) and end the stream, for clients that wait for the end of an answer (curl, .http files); "
            + "true (the default): then each change, until the client leaves";
    private final Streams streams;
    private final StreamContext context;
    private final ViewQueries queries;
    private final Views views;

    StreamController(Streams streams, StreamContext context, ViewQueries queries, Views views) {
        this.streams = streams;
        this.context = context;
        this.queries = queries;
        this.views = views;
    }

    @GetMapping("/commitments")
    @Operation(
            operationId = "streamCommitments",
            summary = "`commitment` events: each commitment's status view, all first, then each that changes")
    SseEmitter commitments(
            @RequestParam(required = false) @Slug String negotiationId,
            @Parameter(description = RESUME) @RequestHeader(name = "Last-Event-ID", required = false)
                    String lastEventId,
            @Parameter(description = RESUME_PARAMETER) @RequestParam(name = "lastEventId", required = false)
                    String resume,
            @Parameter(description = FOLLOW, schema = @Schema(type = "boolean", defaultValue = "true"))
                    @RequestParam(name = "follow", required = false)
                    String follow) {
        StreamPosition.Commitments after = StreamPosition.commitments(lastEventId, resume);
        return streams.open(
                emitter -> new CommitmentsSubscription(emitter, context, queries, negotiationId, after),
                follows(follow));
    }

    @GetMapping("/broken")
    @Operation(
            operationId = "streamBroken",
            summary = "`broken` events: the broken-within-hours list, first as it stands, then whenever it changes")
    SseEmitter broken(
            @RequestParam @Hours double withinHours,
            @RequestParam(required = false) @Slug String negotiationId,
            @Parameter(description = RESUME) @RequestHeader(name = "Last-Event-ID", required = false)
                    String lastEventId,
            @Parameter(description = RESUME_PARAMETER) @RequestParam(name = "lastEventId", required = false)
                    String resume,
            @Parameter(description = FOLLOW, schema = @Schema(type = "boolean", defaultValue = "true"))
                    @RequestParam(name = "follow", required = false)
                    String follow) {
        long after = StreamPosition.index(lastEventId, resume);
        return streams.open(
                emitter -> new BrokenSubscription(emitter, context, queries, views, withinHours, negotiationId, after),
                follows(follow));
    }

    @GetMapping("/timeline")
    @Operation(
            operationId = "streamTimeline",
            summary = "`fact` events: a negotiation's timeline entries, all first, then each new one")
    SseEmitter timeline(
            @RequestParam @Slug String negotiationId,
            @Parameter(description = RESUME) @RequestHeader(name = "Last-Event-ID", required = false)
                    String lastEventId,
            @Parameter(description = RESUME_PARAMETER) @RequestParam(name = "lastEventId", required = false)
                    String resume,
            @Parameter(description = FOLLOW, schema = @Schema(type = "boolean", defaultValue = "true"))
                    @RequestParam(name = "follow", required = false)
                    String follow) {
        StreamPosition after = StreamPosition.entry(lastEventId, resume);
        return streams.open(
                emitter -> new TimelineSubscription(emitter, context, queries, negotiationId, after), follows(follow));
    }

    /** {@code follow} exactly as named: Spring's conversion would also take {@code yes}, {@code on}, {@code 1}. */
    private static boolean follows(String follow) {
        if (follow == null || follow.equals("true")) {
            return true;
        }
        if (follow.equals("false")) {
            return false;
        }
        throw new InvalidFieldException("follow", "must be true or false");
    }
}

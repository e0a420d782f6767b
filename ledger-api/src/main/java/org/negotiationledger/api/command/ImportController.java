package org.negotiationledger.api.command;

import static io.swagger.v3.oas.annotations.media.Schema.RequiredMode.NOT_REQUIRED;
import static io.swagger.v3.oas.annotations.media.Schema.RequiredMode.REQUIRED;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.io.InputStream;
import java.io.PushbackInputStream;
import org.negotiationledger.api.param.Slug;
import org.negotiationledger.api.problem.ProblemType;
import org.negotiationledger.api.problem.StorageOutages;
import org.negotiationledger.api.storage.DurableReads;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/v1/imports?id=...}: a history brought in as NDJSON ({@link Imports}). An import that recorded
 * something answers 200 with what it did, also when it stopped at a refused line; one that recorded nothing
 * and stopped answers that line's problem, with its status.
 */
@RestController
@RequestMapping("/api/v1/imports")
@Tag(name = "Commands")
class ImportController {

    static final String NDJSON = "application/x-ndjson";

    private final Imports imports;
    private final DurableReads durable;

    ImportController(Imports imports, DurableReads durable) {
        this.imports = imports;
        this.durable = durable;
    }

    @PostMapping(consumes = NDJSON, produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(
            summary = "Import commands: NDJSON, one {\"path\", \"body\"} a line, applied in order in batches of one "
                    + "transaction each; idempotent by the import id")
    @ApiResponse(
            responseCode = "200",
            description = "What the import did (also when it stopped at a refused line " + "after recording some)",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON_VALUE,
                            schema = @Schema(implementation = ImportAnswer.class)))
    @io.swagger.v3.oas.annotations.parameters.RequestBody(
            required = true,
            content = @Content(mediaType = NDJSON, schema = @Schema(type = "string")))
    ResponseEntity<Object> importCommands(@RequestParam("id") @Slug String importId, InputStream body)
            throws IOException {
        // Read as it arrives, a batch at a time: a file near the 64 MB limit is never held whole.
        PushbackInputStream ndjson = new PushbackInputStream(body, 1);
        int first = ndjson.read();
        if (first < 0) {
            return ResponseEntity.badRequest()
                    .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .body(ProblemType.MALFORMED_REQUEST.problem(
                            "the body is missing: an import is one command a line"));
        }
        ndjson.unread(first);
        Imports.Outcome outcome = imports.apply(importId, ndjson, Requests.principal(), Imports.Listener.NONE);
        // What an earlier post of this import recorded was read, not committed here: on disk before reported.
        durable.confirm();
        if (outcome.stopped() && outcome.recorded() == 0) {
            ProblemDetail problem = outcome.problem();
            problem.setProperty("importId", importId);
            problem.setProperty("line", outcome.failedLine());
            problem.setProperty("alreadyRecorded", outcome.alreadyRecorded());
            ResponseEntity.BodyBuilder answer = ResponseEntity.status(problem.getStatus());
            if (problem.getStatus() == HttpStatus.SERVICE_UNAVAILABLE.value()) {
                // the store, not the line, failed: when to post the import again, as any 503 says
                answer.header(HttpHeaders.RETRY_AFTER, Long.toString(StorageOutages.RETRY_AFTER.toSeconds()));
            }
            return answer.contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
        }
        return ResponseEntity.ok(new ImportAnswer(
                importId,
                outcome.stopped() ? "STOPPED" : "DONE",
                outcome.lines(),
                outcome.recorded(),
                outcome.alreadyRecorded(),
                outcome.batches(),
                outcome.stopped() ? outcome.failedLine() : null,
                outcome.stopped() ? outcome.problem() : null));
    }

    /**
     * What an import did: {@code DONE}, or {@code STOPPED} at {@code line} with that line's {@code problem}
     * (both absent when done).
     */
    @Schema(name = "ImportAnswer")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record ImportAnswer(
            @Schema(requiredMode = REQUIRED) String importId,

            @Schema(
                    requiredMode = REQUIRED,
                    allowableValues = {"DONE", "STOPPED"})
            String state,

            int lines,
            int recorded,
            int alreadyRecorded,
            int batches,
            @Schema(requiredMode = NOT_REQUIRED) Integer line,

            @Schema(requiredMode = NOT_REQUIRED, ref = "#/components/schemas/Problem")
            ProblemDetail problem) {}

    @GetMapping(path = "/{importId}", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(operationId = "importProgress", summary = "An import's progress: the batches and lines committed so far")
    Imports.Progress progress(@PathVariable @Slug String importId) {
        return imports.progress(importId);
    }
}

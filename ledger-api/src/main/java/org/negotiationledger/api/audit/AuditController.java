package org.negotiationledger.api.audit;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.List;
import org.negotiationledger.api.param.Slug;
import org.negotiationledger.api.problem.InvalidFieldException;
import org.negotiationledger.api.storage.DurableReads;
import org.negotiationledger.seal.VerificationReport;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

@RestController
@RequestMapping("/api/v1/audit")
@Tag(name = "Audit", description = "The immutable history, for auditors.")
class AuditController {

    static final String NDJSON = "application/x-ndjson";
    static final int DEFAULT_LIMIT = 1000;
    static final int MAX_LIMIT = 10_000;
    private static final String LIMITS = "must be between 1 and " + MAX_LIMIT;
    private static final String NOT_NEGATIVE = "must be 0 or more";

    private final AuditHistory history;
    private final ObjectMapper json;
    private final TransactionTemplate readOnly;
    private final Verification verification;
    private final DurableReads durable;
    private final MeterRegistry meters;

    AuditController(
            AuditHistory history,
            ObjectMapper json,
            TransactionTemplate transactions,
            Verification verification,
            DurableReads durable,
            MeterRegistry meters) {
        this.durable = durable;
        this.meters = meters;
        this.history = history;
        this.verification = verification;
        this.json = json;
        this.readOnly = new TransactionTemplate(transactions.getTransactionManager());
        this.readOnly.setReadOnly(true);
    }

    @GetMapping(path = "/events", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(
            operationId = "auditEvents",
            summary = "The event history in global order, a page at a time (follow with fromIndex = last + 1)")
    List<AuditEvent> events(
            @Parameter(description = "only this record's events (its id)") @RequestParam(required = false) @Slug
                    String aggregateId,
            @Parameter(description = "the first global index to return")
                    @RequestParam(defaultValue = "0")
                    @Min(value = 0, message = NOT_NEGATIVE)
                    long fromIndex,
            @Parameter(description = "at most this many events (1 to 10000, default 1000)")
                    @RequestParam(required = false)
                    @Min(value = 1, message = LIMITS)
                    @Max(value = MAX_LIMIT, message = LIMITS)
                    Integer limit,
            @Parameter(description = "only events recorded at or before this time") @RequestParam(required = false)
                    Instant asOf) {
        return history.page(filter(aggregateId, fromIndex, asOf, limit == null ? DEFAULT_LIMIT : limit));
    }

    @GetMapping(path = "/verify", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Verify the whole history: every event's digest and its chain; the head digest to note")
    VerificationReport verify(
            @Parameter(description = "a global index at which a head was noted earlier (with notedHead)")
                    @RequestParam(required = false)
                    @Min(value = 0, message = NOT_NEGATIVE)
                    Long notedIndex,
            @Parameter(description = "the head noted at notedIndex: is the history up to there unchanged?")
                    @RequestParam(required = false)
                    @Pattern(
                            regexp = "[0-9a-fA-F]{64}",
                            message = "must be a SHA-256 digest in hexadecimal (64 characters)")
                    String notedHead) {
        if ((notedIndex == null) != (notedHead == null)) {
            throw new InvalidFieldException(
                    notedIndex == null ? "notedIndex" : "notedHead", "notedIndex and notedHead go together");
        }
        VerificationReport report = verification.verify(notedIndex, notedHead);
        // ledger.verifications{result}: an alert on "broken" is the one an operator must not miss.
        Counter.builder("ledger.verifications")
                .description("runs of GET /api/v1/audit/verify by result: verified or broken")
                .tag("result", report.verified() ? "verified" : "broken")
                .register(meters)
                .increment();
        return report;
    }

    @GetMapping(path = "/events", produces = NDJSON)
    @Operation(
            operationId = "auditEvents",
            summary = "The whole history (or the filtered part) as newline-delimited JSON, one event a line")
    ResponseEntity<StreamingResponseBody> export(
            @RequestParam(required = false) @Slug String aggregateId,
            @RequestParam(defaultValue = "0") @Min(value = 0, message = NOT_NEGATIVE) long fromIndex,
            @RequestParam(required = false) @Min(value = 1, message = LIMITS) @Max(value = MAX_LIMIT, message = LIMITS)
                    Integer limit,
            @RequestParam(required = false) Instant asOf) {
        AuditHistory.Filter filter = filter(aggregateId, fromIndex, asOf, limit);
        StreamingResponseBody body = client -> {
            OutputStream out = durable.confirmingBeforeSending(client);
            readOnly.executeWithoutResult(status -> history.stream(filter, event -> writeLine(out, event)));
            out.flush();
        };
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(NDJSON)).body(body);
    }

    private void writeLine(OutputStream out, AuditEvent event) {
        try {
            out.write(json.writeValueAsBytes(event));
            out.write('\n');
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static AuditHistory.Filter filter(String aggregateId, long fromIndex, Instant asOf, Integer limit) {
        return new AuditHistory.Filter(fromIndex, aggregateId, asOf, limit);
    }
}

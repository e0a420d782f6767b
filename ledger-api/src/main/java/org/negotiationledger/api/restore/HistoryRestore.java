package org.negotiationledger.api.restore;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.axonframework.common.DateTimeUtils;
import org.negotiationledger.api.audit.Verification;
import org.negotiationledger.core.actor.Actor;
import org.negotiationledger.core.commitment.Commitment;
import org.negotiationledger.core.negotiation.Negotiation;
import org.negotiationledger.core.shared.ActorId;
import org.negotiationledger.core.shared.CommitmentId;
import org.negotiationledger.core.shared.NegotiationId;
import org.negotiationledger.core.shared.RecordId;
import org.negotiationledger.core.shared.StatementId;
import org.negotiationledger.core.statement.Statement;
import org.negotiationledger.seal.ExportVerifier;
import org.negotiationledger.seal.Seal;
import org.negotiationledger.seal.VerificationReport;
import org.negotiationledger.seal.events.EventTables;
import org.negotiationledger.seal.events.StoredEvent;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Restores an exported history ({@code GET /api/v1/audit/events} as NDJSON) into an empty ledger: each event
 * stored again exactly as the exporting ledger stored it (global index, record and sequence, identifier, record
 * time, payload type, revision and bytes, metadata with its seal), so that the restored ledger verifies with the
 * exporting ledger's head, and its as-of views answer with the original record times. The export is verified
 * first; the events are appended in one transaction, which the restored ledger's own verification must pass
 * before it commits. Moves a ledger between databases (H2 to PostgreSQL) as well as from a backup.
 */
@Service
public class HistoryRestore {

    /** Events read and appended at a time, within the one transaction. */
    private static final int BATCH = 1_000;

    /** Axon stores with each event the type of its aggregate: the aggregate's class name, by record kind. */
    private static final Map<String, String> AGGREGATE_TYPES = Map.of(
            ActorId.KIND, Actor.class.getSimpleName(),
            NegotiationId.KIND, Negotiation.class.getSimpleName(),
            CommitmentId.KIND, Commitment.class.getSimpleName(),
            StatementId.KIND, Statement.class.getSimpleName());

    private static final ObjectMapper JSON = new ObjectMapper();

    private final EventTables events;
    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final Verification verification;

    public HistoryRestore(
            EventTables events, JdbcTemplate jdbc, TransactionTemplate transactions, Verification verification) {
        this.events = events;
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.verification = verification;
    }

    /** The export does not verify; nothing was stored. */
    public static final class NotVerifiedException extends RuntimeException {
        private final transient VerificationReport report;

        NotVerifiedException(String message, VerificationReport report) {
            super(message, null, false, false);
            this.report = report;
        }

        /** What verification found, or null when the file could not be read as an export. */
        public VerificationReport report() {
            return report;
        }
    }

    /** The ledger already holds events; nothing was stored. */
    public static final class NotEmptyException extends RuntimeException {
        NotEmptyException(String message) {
            super(message, null, false, false);
        }
    }

    /** Verifies an export without storing anything: what {@code verify} of the jar reports. */
    public static VerificationReport verifyExport(Path file) throws IOException {
        try (BufferedReader lines = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return ExportVerifier.verify(lines, null, null);
        }
    }

    /**
     * Restores the export into this ledger, which must hold no event. Answers the restored ledger's
     * verification, whose head is the export's.
     *
     * @throws NotVerifiedException the export does not verify, or the restored ledger would not
     * @throws NotEmptyException    the ledger holds events already
     */
    public VerificationReport restore(Path file) throws IOException {
        VerificationReport exported;
        try {
            exported = verifyExport(file);
        } catch (IOException unreadable) {
            if (unreadable instanceof java.nio.file.NoSuchFileException) {
                throw unreadable;
            }
            throw new NotVerifiedException("the file is not an exported history: " + unreadable.getMessage(), null);
        }
        if (!exported.verified()) {
            throw new NotVerifiedException("the export does not verify; nothing was restored", exported);
        }
        if (!events.isEmpty()) {
            throw new NotEmptyException("the ledger already holds " + events.count()
                    + " events; a history is restored into an empty ledger only, and nothing was restored");
        }
        Summary summary = summarize(file);
        // DDL, so first: on H2 it ends the transaction it runs in.
        events.continueIndexesAfter(summary.lastIndex());
        return transactions.execute(status -> {
            if (!events.isEmpty()) {
                throw new NotEmptyException(
                        "events were recorded while the history was being restored; nothing " + "was restored");
            }
            append(file);
            // Where the exporting ledger began to seal: the restored ledger checks its events against it.
            jdbc.update("UPDATE ledger_seal SET sealed_after_index = ? WHERE id = 1", summary.sealedAfter());
            VerificationReport restored = verification.verify(null, null);
            if (!restored.verified() || !restored.head().equals(exported.head())) {
                status.setRollbackOnly();
                throw new NotVerifiedException(
                        "the restored history would not verify as the export does; nothing was restored", restored);
            }
            return restored;
        });
    }

    /** The last global index of the export, and after which index its events say sealing began. */
    private record Summary(long lastIndex, long sealedAfter) {}

    private static Summary summarize(Path file) throws IOException {
        long last = 0;
        Long sealedAfter = null;
        try (BufferedReader lines = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                if (line.isBlank()) {
                    continue;
                }
                JsonNode event = JSON.readTree(line);
                last = Math.max(last, event.path("globalIndex").asLong());
                if (sealedAfter == null) {
                    sealedAfter = Seal.of(event.path("metadata")).sealedAfter();
                }
            }
        }
        // A history without any seal was recorded before sealing: all of it comes before where sealing begins.
        return new Summary(last, sealedAfter == null ? last : sealedAfter);
    }

    private void append(Path file) {
        try (BufferedReader lines = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            List<StoredEvent> batch = new ArrayList<>(BATCH);
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                if (line.isBlank()) {
                    continue;
                }
                batch.add(stored(JSON.readTree(line)));
                if (batch.size() == BATCH) {
                    events.appendAsStored(batch, HistoryRestore::aggregateType);
                    batch.clear();
                }
            }
            if (!batch.isEmpty()) {
                events.appendAsStored(batch, HistoryRestore::aggregateType);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * An exported line as the row it was read from: the inverse of the export ({@code audit.AuditHistory}). The
     * payload is written back as the verifier hashed it (Jackson's compact form, which is how it was stored).
     */
    private static StoredEvent stored(JsonNode event) throws IOException {
        String kind = event.path("aggregateType").asText("");
        String id = event.path("aggregateId").asText();
        JsonNode revision = event.get("payloadRevision");
        JsonNode metadata = event.get("metadata");
        return new StoredEvent(
                event.path("globalIndex").asLong(),
                kind.isEmpty() ? id : kind + ":" + id,
                event.path("sequence").asLong(),
                event.path("eventId").asText(),
                event.path("payloadType").asText(),
                revision == null || revision.isNull() ? null : revision.asText(),
                // Axon's stored form of the record time (milliseconds always written), which the export parsed.
                DateTimeUtils.formatInstant(
                        Instant.parse(event.path("recordedAt").asText())),
                JSON.writeValueAsBytes(event.get("payload")),
                metadata == null || metadata.isNull() ? null : JSON.writeValueAsBytes(metadata));
    }

    private static String aggregateType(String stream) {
        return AGGREGATE_TYPES.get(RecordId.kindOf(stream));
    }
}

package org.negotiationledger.seal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.time.Instant;
import java.util.Iterator;
import java.util.Objects;
import java.util.Set;

/**
 * Verifies an export ({@code GET /api/v1/audit/events}, {@code Accept: application/x-ndjson}) without the
 * server or its database: the same checks and the same head as the server's. Payload and metadata are
 * written back exactly as Jackson wrote them when the event was stored, so their digests agree.
 */
public final class ExportVerifier {

    private static final ObjectMapper JSON = new ObjectMapper();

    private ExportVerifier() {}

    /** The fields of an exported line ({@code audit.AuditEvent}); a line with any other is refused. */
    private static final Set<String> FIELDS = Set.of(
            "globalIndex",
            "aggregateId",
            "aggregateType",
            "sequence",
            "type",
            "recordedAt",
            "principal",
            "eventId",
            "payloadType",
            "payloadRevision",
            "metadata",
            "payload");

    public static VerificationReport verify(BufferedReader lines, Long notedIndex, String notedHead)
            throws IOException {
        // An export does not say where sealing began: the events say it, under their seals.
        HistoryVerifier verifier = new HistoryVerifier(null, notedIndex);
        long lineNumber = 0;
        for (String line = lines.readLine(); line != null; line = lines.readLine()) {
            lineNumber++;
            if (line.isBlank()) {
                continue;
            }
            JsonNode event;
            try {
                event = JSON.readTree(line);
            } catch (IOException e) {
                throw new IOException("line " + lineNumber + " is not a JSON event: " + e.getMessage(), e);
            }
            Seal.Metadata metadata = Seal.of(event.path("metadata"));
            long globalIndex = event.path("globalIndex").asLong();
            String type = event.path("aggregateType").asText("");
            String stream = type.isEmpty()
                    ? event.path("aggregateId").asText()
                    : type + ":" + event.path("aggregateId").asText();
            long sequence = event.path("sequence").asLong();
            JsonNode revision = event.get("payloadRevision");
            verifier.accept(new HistoryVerifier.Event(
                    globalIndex,
                    new Seal.Content(
                            stream,
                            sequence,
                            event.path("eventId").asText(),
                            event.path("payloadType").asText(),
                            revision == null || revision.isNull() ? null : revision.asText(),
                            Seal.time(Instant.parse(event.path("recordedAt").asText())),
                            JSON.writeValueAsBytes(event.get("payload")),
                            metadata.canonical()),
                    metadata.digest(),
                    metadata.sealedAfter()));
            String unsealedField = unsealedField(event);
            if (unsealedField != null) {
                verifier.refuse(stream, sequence, globalIndex, "line " + lineNumber + ": " + unsealedField);
            }
        }
        return VerificationReport.of(verifier.result(), notedHead);
    }

    /**
     * What a line states beyond what its seal covers must agree with what the seal covers: {@code type} is the
     * payload type's name, {@code principal} the metadata's; any other field is not the ledger's. Null when all
     * agree.
     */
    private static String unsealedField(JsonNode event) {
        for (Iterator<String> names = event.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!FIELDS.contains(name)) {
                return "'" + name + "' is not a field of an exported event";
            }
        }
        String payloadType = event.path("payloadType").asText();
        if (!event.path("type").asText().equals(Seal.eventType(payloadType))) {
            return "'type' is not the sealed payload type (" + payloadType + ")";
        }
        JsonNode principal = event.path("metadata").get(Seal.PRINCIPAL);
        JsonNode stated = event.get("principal");
        String sealed = principal == null || principal.isNull() ? null : principal.asText();
        String given = stated == null || stated.isNull() ? null : stated.asText();
        if (!Objects.equals(sealed, given)) {
            return "'principal' is not the sealed principal (" + sealed + ")";
        }
        return null;
    }
}

package org.negotiationledger.api.seal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.time.Instant;

/**
 * Verifies an export ({@code GET /api/v1/audit/events}, {@code Accept: application/x-ndjson}) without the
 * server or its database: the same checks and the same head as the server's. Payload and metadata are
 * written back exactly as Jackson wrote them when the event was stored, so their digests agree.
 */
public final class ExportVerifier {

    private static final ObjectMapper JSON = new ObjectMapper();

    private ExportVerifier() {
    }

    public static Verification.Report verify(BufferedReader lines, Long notedIndex, String notedHead) throws IOException {
        HistoryVerifier verifier = null;
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
            JsonNode metadata = event.path("metadata");
            JsonNode digest = metadata.get(Seal.KEY);
            long globalIndex = event.path("globalIndex").asLong();
            if (verifier == null) {
                // An export does not say when sealing began: events before the first sealed one count as
                // recorded before it (an earlier noted head covers them).
                verifier = new HistoryVerifier(HistoryVerifier.UNTIL_FIRST_SEALED, notedIndex);
            }
            String type = event.path("aggregateType").asText("");
            String stream = type.isEmpty() ? event.path("aggregateId").asText() : type + ":" + event.path("aggregateId").asText();
            JsonNode revision = event.get("payloadRevision");
            verifier.accept(new HistoryVerifier.Event(globalIndex, stream, event.path("sequence").asLong(),
                    event.path("eventId").asText(), event.path("payloadType").asText(),
                    revision == null || revision.isNull() ? null : revision.asText(),
                    Seal.time(Instant.parse(event.path("recordedAt").asText())), JSON.writeValueAsBytes(event.get("payload")),
                    Seal.canonicalMetadata(metadata), digest == null ? null : digest.asText()));
        }
        if (verifier == null) {
            verifier = new HistoryVerifier(0, notedIndex);
        }
        return Verification.report(verifier.result(), notedHead);
    }
}

package org.negotiationledger.seal;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The digest of one event: SHA-256 over the previous digest of the same record and everything that defines
 * the event (stream, sequence, event id, payload type and revision, record time, payload, metadata), each
 * field length-prefixed so that no two events encode alike. The payload is hashed as stored (Jackson's
 * compact JSON, which an export reproduces byte for byte); the metadata in canonical form (keys sorted,
 * without the {@value #KEY} entry that carries the digest itself).
 */
public final class Seal {

    /** The metadata key under which each event carries its digest. */
    public static final String KEY = "digest";
    /**
     * The metadata entry, sealed into every event with the rest of its metadata, that says after which global
     * index this ledger began to seal: every later event must be sealed, so stripping seals, or moving where
     * sealing began, is detected.
     */
    public static final String SEALED_AFTER = "sealedAfter";
    /** The metadata entry naming who posted the command; an export repeats it as {@code principal}. */
    public static final String PRINCIPAL = "principal";

    /** An event's type as the audit history names it ({@code TruceAgreed}): its stored payload type's simple name. */
    public static String eventType(String payloadType) {
        return payloadType.substring(payloadType.lastIndexOf('.') + 1);
    }
    /** The "previous digest" of a record's first event, and the head of an empty history. */
    public static final byte[] ZERO = new byte[32];

    private static final byte[] DOMAIN = "negotiation-ledger/event/v1".getBytes(StandardCharsets.UTF_8);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HexFormat HEX = HexFormat.of();

    private Seal() {}

    /**
     * What an event's seal covers, in the order the digest takes it: the byte format of the chain.
     *
     * @param recordedAt        the record time as stored, in the form {@link #storedTime} gives
     * @param payload           the payload as stored
     * @param canonicalMetadata the metadata in canonical form ({@link #canonicalMetadata})
     */
    public record Content(
            String stream,
            long sequence,
            String eventId,
            String payloadType,
            String payloadRevision,
            String recordedAt,
            byte[] payload,
            byte[] canonicalMetadata) {}

    /** The digest of an event whose record's previous event has the digest {@code previous}. */
    public static byte[] digest(byte[] previous, Content event) {
        return lengthPrefixed(
                DOMAIN,
                previous,
                utf8(event.stream()),
                utf8(Long.toString(event.sequence())),
                utf8(event.eventId()),
                utf8(event.payloadType()),
                utf8(event.payloadRevision()),
                utf8(event.recordedAt()),
                event.payload(),
                event.canonicalMetadata());
    }

    /** The metadata key under which a snapshot names the digest of the record's event it was taken at. */
    public static final String SNAPSHOT_OF = "snapshotOf";

    private static final byte[] SNAPSHOT_DOMAIN = "negotiation-ledger/snapshot/v1".getBytes(StandardCharsets.UTF_8);

    /**
     * The digest of a snapshot: SHA-256 over the digest of the record's event it summarizes up to (so it
     * belongs to that chain, at that place) and the state it holds, length-prefixed as events are.
     */
    public static byte[] snapshotDigest(
            byte[] eventDigest,
            String stream,
            long sequence,
            String payloadType,
            String payloadRevision,
            byte[] payload) {
        return lengthPrefixed(
                SNAPSHOT_DOMAIN,
                eventDigest,
                utf8(stream),
                utf8(Long.toString(sequence)),
                utf8(payloadType),
                utf8(payloadRevision),
                payload);
    }

    /** The next head: the previous head folded with one event's place in the global order and its digest. */
    public static byte[] nextHead(MessageDigest sha, byte[] head, long globalIndex, byte[] digest) {
        sha.reset();
        sha.update(head);
        sha.update(ByteBuffer.allocate(8).putLong(globalIndex).array());
        sha.update(digest);
        return sha.digest();
    }

    /** Metadata in canonical form: keys sorted at every level, the digest itself left out, compact JSON. */
    public static byte[] canonicalMetadata(JsonNode metadata) {
        try {
            if (metadata == null || !metadata.isObject()) {
                return JSON.writeValueAsBytes(JSON.createObjectNode());
            }
            List<String> names = new ArrayList<>();
            metadata.fieldNames().forEachRemaining(names::add);
            names.remove(KEY);
            Collections.sort(names);
            ObjectNode sorted = JSON.createObjectNode();
            names.forEach(name -> sorted.set(name, sorted(metadata.get(name))));
            return JSON.writeValueAsBytes(sorted);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("metadata cannot be encoded", e);
        }
    }

    /**
     * Stored metadata read for verification: its canonical form, the digest it carries (or null), and where it
     * says sealing began (or null, for an event sealed before the ledger stated that).
     */
    public record Metadata(byte[] canonical, String digest, Long sealedAfter) {}

    /**
     * {@link #canonicalMetadata(JsonNode)} straight from stored bytes, for the server's verification: a flat
     * object of scalars (what the ledger writes) is read as a stream of tokens, without building a tree;
     * anything else goes the tree's way. Both give the same bytes.
     */
    public static Metadata metadata(byte[] stored) {
        try (JsonParser parser = JSON.getFactory().createParser(stored)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                return slowly(stored);
            }
            TreeMap<String, Object> fields = new TreeMap<>();
            String digest = null;
            Long sealedAfter = null;
            for (JsonToken token = parser.nextToken(); token == JsonToken.FIELD_NAME; token = parser.nextToken()) {
                String name = parser.currentName();
                JsonToken value = parser.nextToken();
                if (value == JsonToken.START_OBJECT || value == JsonToken.START_ARRAY) {
                    return slowly(stored);
                }
                if (name.equals(KEY)) {
                    digest = parser.getValueAsString();
                } else {
                    if (name.equals(SEALED_AFTER) && value == JsonToken.VALUE_NUMBER_INT) {
                        sealedAfter = parser.getLongValue();
                    }
                    fields.put(name, value == JsonToken.VALUE_STRING ? parser.getText() : parser.readValueAsTree());
                }
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream(stored.length);
            try (JsonGenerator generator = JSON.getFactory().createGenerator(out)) {
                generator.setCodec(JSON);
                generator.writeStartObject();
                for (Map.Entry<String, Object> field : fields.entrySet()) {
                    generator.writeFieldName(field.getKey());
                    if (field.getValue() instanceof String text) {
                        generator.writeString(text);
                    } else {
                        generator.writeTree((JsonNode) field.getValue());
                    }
                }
                generator.writeEndObject();
            }
            return new Metadata(out.toByteArray(), digest, sealedAfter);
        } catch (IOException e) {
            return slowly(stored);
        }
    }

    private static Metadata slowly(byte[] stored) {
        try {
            JsonNode tree = JSON.readTree(stored);
            return of(tree);
        } catch (IOException e) {
            // Unreadable metadata: hashed as empty, so the event fails to verify rather than the verification.
            return new Metadata(canonicalMetadata(null), null, null);
        }
    }

    /** {@link Metadata} of metadata already read, as an export line carries it. */
    public static Metadata of(JsonNode metadata) {
        JsonNode digest = metadata == null ? null : metadata.get(KEY);
        JsonNode sealedAfter = metadata == null ? null : metadata.get(SEALED_AFTER);
        return new Metadata(
                canonicalMetadata(metadata),
                digest == null || !digest.isTextual() ? null : digest.asText(),
                sealedAfter != null && sealedAfter.isIntegralNumber() ? sealedAfter.asLong() : null);
    }

    /** The time as the digest sees it: the stored record time, as ISO-8601 of the instant. */
    public static String time(java.time.Instant recordedAt) {
        return recordedAt.toString();
    }

    /**
     * The same for a record time as Axon stores it (ISO-8601 with three digits of milliseconds), without
     * parsing it: {@code Instant.toString()} differs only by leaving out a zero fraction.
     */
    public static String storedTime(String stored) {
        if (stored.length() == 24 && stored.charAt(19) == '.' && stored.charAt(23) == 'Z') {
            return stored.endsWith(".000Z") ? stored.substring(0, 19) + "Z" : stored;
        }
        return time(org.axonframework.common.DateTimeUtils.parseInstant(stored));
    }

    public static String hex(byte[] digest) {
        return HEX.formatHex(digest);
    }

    public static byte[] unhex(String hex) {
        return HEX.parseHex(hex);
    }

    /** The SHA-256 of a text's UTF-8 bytes, in hexadecimal: the one digest-to-text of the ledger. */
    public static String sha256Hex(String text) {
        return hex(sha256().digest(text.getBytes(StandardCharsets.UTF_8)));
    }

    public static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    private static JsonNode sorted(JsonNode node) {
        if (node.isValueNode()) {
            return node;
        }
        if (node.isObject()) {
            List<String> names = new ArrayList<>();
            node.fieldNames().forEachRemaining(names::add);
            Collections.sort(names);
            ObjectNode sorted = JSON.createObjectNode();
            names.forEach(name -> sorted.set(name, sorted(node.get(name))));
            return sorted;
        }
        if (node.isArray()) {
            var array = JSON.createArrayNode();
            node.forEach(element -> array.add(sorted(element)));
            return array;
        }
        return node;
    }

    /** SHA-256 over the fields, each preceded by its length, so that no two lists of fields encode alike. */
    private static byte[] lengthPrefixed(byte[]... fields) {
        MessageDigest sha = sha256();
        for (byte[] field : fields) {
            sha.update(ByteBuffer.allocate(4).putInt(field.length).array());
            sha.update(field);
        }
        return sha.digest();
    }

    /** A text field's bytes; an absent one (a payload without revision) as the empty text. */
    private static byte[] utf8(String text) {
        return (text == null ? "" : text).getBytes(StandardCharsets.UTF_8);
    }
}

package org.negotiationledger.api.upcasting;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.axonframework.eventhandling.GenericDomainEventEntry;
import org.axonframework.serialization.Revision;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.axonframework.serialization.upcasting.event.EventUpcaster;
import org.axonframework.serialization.upcasting.event.InitialEventRepresentation;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.junit.jupiter.api.Test;
import org.negotiationledger.api.config.AxonConfig;
import org.negotiationledger.core.commitment.PledgeMade;
import org.negotiationledger.core.commitment.TruceAgreed;
import org.negotiationledger.core.commitment.ViolationReported;

/**
 * Every event as stored, at every revision it was stored at, reaches its type's current {@code @Revision} through
 * the ledger's upcasters and reads as that type: the events of the legacy history (stored without a revision, one
 * of each type) and the same events at revision 1 (as stored since). A type whose revision is raised without an
 * upcaster from the old one fails here, naming it.
 */
class EventUpcastersTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final Serializer serializer = new AxonConfig().serializer();

    /** One exported event of each type in the legacy history. */
    private static Map<String, JsonNode> legacyEventOfEachType() throws IOException {
        Map<String, JsonNode> byType = new LinkedHashMap<>();
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(
                EventUpcastersTest.class.getResourceAsStream("/legacy/history.ndjson"), StandardCharsets.UTF_8))) {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                JsonNode event = JSON.readTree(line);
                byType.putIfAbsent(event.get("payloadType").asText(), event);
            }
        }
        return byType;
    }

    private List<IntermediateEventRepresentation> upcast(JsonNode event, String payloadType, String revision)
            throws IOException {
        return upcast(event, payloadType, revision, EventUpcasters.chain());
    }

    private List<IntermediateEventRepresentation> upcast(
            JsonNode event, String payloadType, String revision, EventUpcaster upcaster) throws IOException {
        InitialEventRepresentation stored = new InitialEventRepresentation(
                new GenericDomainEventEntry<>(
                        "Commitment",
                        event.get("aggregateType").asText() + ":"
                                + event.get("aggregateId").asText(),
                        event.get("sequence").asLong(),
                        event.get("eventId").asText(),
                        event.get("recordedAt").asText(),
                        payloadType,
                        revision,
                        JSON.writeValueAsBytes(event.get("payload")),
                        JSON.writeValueAsBytes(event.get("metadata"))),
                serializer);
        return upcaster.upcast(Stream.of(stored)).toList();
    }

    @Test
    void everyStoredEventReachesItsTypesCurrentRevisionAndReadsAsIt() throws Exception {
        Map<String, JsonNode> events = legacyEventOfEachType();
        // The legacy history holds every event type of ledger-core (the core's ArchitectureTest: each has a
        // @Revision).
        assertThat(events).hasSize(11);
        List<String> behind = new ArrayList<>();
        for (Map.Entry<String, JsonNode> stored : events.entrySet()) {
            Class<?> type = Class.forName(stored.getKey());
            String current = type.getAnnotation(Revision.class).value();
            for (String revision : new String[] {null, FirstRevision.ONE}) {
                List<IntermediateEventRepresentation> read = upcast(stored.getValue(), stored.getKey(), revision);
                assertThat(read).as(stored.getKey()).hasSize(1);
                IntermediateEventRepresentation today = read.get(0);
                if (!current.equals(today.getType().getRevision())) {
                    behind.add(type.getSimpleName() + " stored at revision " + revision + " is read at revision "
                            + today.getType().getRevision() + ", its type is at " + current
                            + ": add an upcaster to EventUpcasters");
                    continue;
                }
                Object payload = serializer.deserialize(new SimpleSerializedObject<>(
                        today.getData(byte[].class).getData(), byte[].class, today.getType()));
                assertThat(payload).isInstanceOf(type);
            }
        }
        assertThat(behind).isEmpty();
    }

    @Test
    void anEventStoredWithoutARevisionIsReadAsRevisionOneWithItsBytesUnchanged() throws Exception {
        JsonNode truce = legacyEventOfEachType().get("org.negotiationledger.core.commitment.TruceAgreed");
        // The first step alone names revision 1 (later steps of TruceAgreed's chain take it on from there).
        IntermediateEventRepresentation read = upcast(
                        truce, "org.negotiationledger.core.commitment.TruceAgreed", null, new FirstRevision())
                .get(0);
        assertThat(read.getType().getRevision()).isEqualTo("1");
        assertThat(read.getData(byte[].class).getData()).isEqualTo(JSON.writeValueAsBytes(truce.get("payload")));
        IntermediateEventRepresentation today = upcast(truce, "org.negotiationledger.core.commitment.TruceAgreed", null)
                .get(0);
        assertThat(today.getData(byte[].class).getData()).isEqualTo(JSON.writeValueAsBytes(truce.get("payload")));
    }

    @Test
    void aTrucePledgeOrReportStoredAtRevisionOneReadsAtRevisionTwoWithoutItsNewField() throws Exception {
        Map<String, JsonNode> events = legacyEventOfEachType();
        for (Class<?> type : new Class<?>[] {TruceAgreed.class, PledgeMade.class, ViolationReported.class}) {
            JsonNode stored = events.get(type.getName());
            IntermediateEventRepresentation read =
                    upcast(stored, type.getName(), FirstRevision.ONE).get(0);
            assertThat(read.getType().getRevision()).isEqualTo("2");
            assertThat(read.getData(byte[].class).getData()).isEqualTo(JSON.writeValueAsBytes(stored.get("payload")));
            Object payload = serializer.deserialize(
                    new SimpleSerializedObject<>(read.getData(byte[].class).getData(), byte[].class, read.getType()));
            Object added = payload instanceof TruceAgreed t
                    ? t.announcedAt()
                    : payload instanceof PledgeMade p ? p.announcedAt() : ((ViolationReported) payload).occurredUntil();
            assertThat(added).as(type.getSimpleName()).isNull();
        }
    }

    @Test
    void aTypeThatIsNotTheLedgersIsLeftAsStored() throws Exception {
        JsonNode any = legacyEventOfEachType().values().iterator().next();
        IntermediateEventRepresentation read =
                upcast(any, "com.example.SomethingElse", null).get(0);
        assertThat(read.getType().getName()).isEqualTo("com.example.SomethingElse");
        assertThat(read.getType().getRevision()).isNull();
    }
}

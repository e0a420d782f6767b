package org.negotiationledger.api.seed;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.negotiationledger.api.ApiTest;
import org.negotiationledger.api.Http;
import org.negotiationledger.api.LedgerInstance;

/** The demo history is recorded once, on the first start of an empty embedded ledger, through the API. */
class DemoHistoryTest {

    private static List<JsonNode> events(Http http, String query) {
        return StreamSupport.stream(
                        http.get("/api/v1/audit/events?" + query).json().spliterator(), false)
                .toList();
    }

    private static List<String> types(List<JsonNode> events) {
        return events.stream().map(e -> e.get("type").asText()).toList();
    }

    @Test
    void firstStartRecordsTheNagornoKarabakhHistoryOnceAndNotAgainOnRestart() {
        Map<String, String> data = Map.of(
                "ledger.data-dir",
                ApiTest.temporaryDirectory("ledger-demo").toString(),
                "ledger.demo-history.enabled",
                "true");
        try (LedgerInstance ledger = LedgerInstance.start(data)) {
            Http http = ledger.http();
            assertThat(events(http, "limit=100")).hasSize(24);
            assertThat(types(events(http, "aggregateId=moscow-2020-10-10")))
                    .containsExactly("TruceAgreed", "ViolationReported", "ViolationReported", "CommitmentSuperseded");
            assertThat(types(events(http, "aggregateId=paris-2020-10-17")))
                    .containsExactly("TruceAgreed", "ViolationReported", "CommitmentSuperseded");
            assertThat(types(events(http, "aggregateId=washington-2020-10-25")))
                    .containsExactly("TruceAgreed", "ViolationReported", "ViolationReported", "CommitmentSuperseded");
            assertThat(types(events(http, "aggregateId=geneva-2020-10-30"))).containsExactly("PledgeMade");
            JsonNode moscow =
                    events(http, "aggregateId=moscow-2020-10-10").get(0).get("payload");
            assertThat(moscow.get("agreedAt").get("precision").asText()).isEqualTo("HOUR");
            assertThat(moscow.get("effectiveFrom").get("utc").asText()).isEqualTo("2020-10-10T08:00:00Z");
            assertThat(moscow.get("source").asText()).contains("Joint statement");
            JsonNode dayReport =
                    events(http, "aggregateId=moscow-2020-10-10").get(2).get("payload");
            assertThat(dayReport.get("occurredAt").get("precision").asText()).isEqualTo("DAY");
            assertThat(dayReport.get("location").get("name").asText()).isEqualTo("Aghdam and Tartar");
            JsonNode statement =
                    events(http, "aggregateId=unsg-2020-10-31").get(0).get("payload");
            assertThat(statement.get("kinds")).hasSize(4);
        }
        try (LedgerInstance restarted = LedgerInstance.start(data)) {
            assertThat(events(restarted.http(), "limit=100")).hasSize(24);
        }
    }

    @Test
    void isNotLoadedIntoALedgerThatAlreadyHoldsEvents() {
        String dir = ApiTest.temporaryDirectory("ledger-demo").toString();
        try (LedgerInstance ledger = LedgerInstance.start(Map.of("ledger.data-dir", dir))) {
            assertThat(ledger.http().post("/api/v1/actors", """
                    {"id": "osce", "name": "OSCE", "kind": "INTERNATIONAL_ORGANIZATION"}""").status()).isEqualTo(201);
        }
        try (LedgerInstance ledger =
                LedgerInstance.start(Map.of("ledger.data-dir", dir, "ledger.demo-history.enabled", "true"))) {
            assertThat(events(ledger.http(), "limit=100")).hasSize(1);
        }
    }

    @Test
    void canBeSwitchedOff() {
        try (LedgerInstance ledger =
                LedgerInstance.fresh("ledger-demo", Map.of("ledger.demo-history.enabled", "false"))) {
            assertThat(events(ledger.http(), "limit=100")).isEmpty();
        }
    }
}

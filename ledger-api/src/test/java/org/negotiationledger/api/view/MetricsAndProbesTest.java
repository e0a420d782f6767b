package org.negotiationledger.api.view;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.negotiationledger.api.ApiTest;
import org.negotiationledger.api.Http;
import org.negotiationledger.api.LedgerInstance;
import org.negotiationledger.api.TestUsers;
import org.negotiationledger.projections.rebuild.Rebuilds;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/**
 * What an operator scrapes and probes: the views' lag in /actuator/prometheus rises while the views are stopped
 * and returns to 0 when they run again, readiness follows it, and the ledger's and Axon's meters are there:
 * every refused command counted whichever layer refused it, every meter with its help, Axon's gauges registered
 * once.
 */
@ExtendWith(OutputCaptureExtension.class)
class MetricsAndProbesTest {

    @Test
    void theViewsLagRisesWhileTheyAreStoppedAndReturnsToZeroAndReadinessFollows() {
        try (LedgerInstance ledger = LedgerInstance.fresh("metrics", Map.of("ledger.readiness.max-view-lag", "2"))) {
            Http http = ledger.http();
            Http auditor = http.as(TestUsers.AUDITOR);
            await().atMost(Duration.ofSeconds(30)).until(() -> gauge(auditor, "ledger_views_lag_events") == 0);
            assertThat(http.get("/actuator/health/readiness").status()).isEqualTo(200);

            Rebuilds rebuilds = ledger.bean(Rebuilds.class);
            rebuilds.processor().shutDown();
            Http writer = http.withoutLocationCheck();
            for (int i = 0; i < 3; i++) {
                assertThat(writer.post("/api/v1/actors", """
                        {"name": "Actor %d", "kind": "STATE"}""".formatted(i)).status())
                        .isEqualTo(201);
            }
            await().atMost(Duration.ofSeconds(10)).until(() -> gauge(auditor, "ledger_views_lag_events") >= 3);
            await().atMost(Duration.ofSeconds(10)).until(() -> gauge(auditor, "ledger_views_lag_seconds") > 0);
            assertThat(gauge(auditor, "ledger_views_running")).isZero();
            await().atMost(Duration.ofSeconds(10))
                    .until(() -> http.get("/actuator/health/readiness").status() == 503);
            assertThat(http.get("/actuator/health/liveness").status())
                    .as("alive all the while")
                    .isEqualTo(200);

            rebuilds.processor().start();
            await().atMost(Duration.ofSeconds(30)).until(() -> gauge(auditor, "ledger_views_lag_events") == 0);
            assertThat(gauge(auditor, "ledger_views_lag_seconds")).isZero();
            assertThat(gauge(auditor, "ledger_events_head")).isEqualTo(gauge(auditor, "ledger_views_position"));
            await().atMost(Duration.ofSeconds(10))
                    .until(() -> http.get("/actuator/health/readiness").status() == 200);
        }
    }

    @Test
    void everyRefusedCommandIsCountedEveryMeterHasHelpAndTheMetersAreScrapedByAuditorsOnly(CapturedOutput log) {
        try (LedgerInstance ledger = LedgerInstance.start(
                Map.of("ledger.data-dir", ApiTest.temporaryDirectory("metrics").toString()))) {
            Http http = ledger.http();
            assertThat(http.post("/api/v1/actors", """
                    {"name": "An actor", "kind": "STATE"}""").status()).isEqualTo(201);
            assertThat(http.post("/api/v1/actors", """
                    {"name": "", "kind": "STATE"}""").status()).isEqualTo(400);
            // Refused before the command runs, each by another layer: counted as refused too.
            assertThat(http.post("/api/v1/actors", "{}", "Content-Type", "text/plain")
                            .status())
                    .isEqualTo(415);
            assertThat(http.as(TestUsers.VIEWER).post("/api/v1/actors", """
                    {"name": "Not a mediator's", "kind": "STATE"}""").status())
                    .isEqualTo(403);
            assertThat(http.post("/api/v1/commitments/nothing-here/violations", """
                    {"reportedBy": "a", "accused": "b", "occurredAt": "2020-10-10T12:00+04:00"}""")
                            .status())
                    .isIn(404, 422);
            assertThat(http.get("/api/v1/audit/verify").json().path("verified").asBoolean())
                    .isTrue();

            Http.Response scrape = http.as(TestUsers.AUDITOR).get("/actuator/prometheus");
            assertThat(scrape.status()).isEqualTo(200);
            assertThat(scrape.contentType()).startsWith("text/plain");
            assertThat(scrape.text())
                    .contains(
                            "ledger_commands_total{application=\"negotiation-ledger\",outcome=\"recorded\",type=\"RegisterActor\"} 1.0")
                    .contains("outcome=\"refused\",type=\"RegisterActor\"} 3.0")
                    // Refused by the command itself: counted once.
                    .contains("outcome=\"refused\",type=\"ReportViolation\"} 1.0")
                    .contains("ledger_verifications_total{application=\"negotiation-ledger\",result=\"verified\"} 1.0")
                    .contains("ledger_streams_subscribers", "ledger_views_rebuild_percent", "ledger_events_head")
                    // Axon's own: the views' processor and the command bus.
                    .containsPattern("(?m)^eventProcessor\\w*\\{.*processorName=\"views\"")
                    .containsPattern("(?m)^commandBus\\w*")
                    .containsPattern("(?m)^commandBus_capacity\\{.*payloadType=\"RegisterActor\"")
                    // Each of the ledger's meters says what it measures (Spring's and Axon's are theirs).
                    .doesNotContainPattern("(?m)^# HELP ledger_\\S+ *$");
            assertThat(log.getAll())
                    .as("Axon's capacity gauges registered once, not again on every message")
                    .doesNotContain("has been already registered");

            for (String user : new String[] {TestUsers.VIEWER, TestUsers.MEDIATOR}) {
                Http.Response refused = http.as(user).get("/actuator/prometheus");
                assertThat(refused.status()).isEqualTo(403);
                assertThat(refused.contentType()).startsWith("application/problem+json");
            }
            assertThat(http.withAuthorization(null).get("/actuator/prometheus").status())
                    .isEqualTo(401);
        }
    }

    private static double gauge(Http http, String name) {
        Matcher value = Pattern.compile("(?m)^" + name + "\\{[^}]*} (\\S+)$")
                .matcher(http.get("/actuator/prometheus").text());
        assertThat(value.find()).as("%s in the scrape", name).isTrue();
        return Double.parseDouble(value.group(1));
    }
}

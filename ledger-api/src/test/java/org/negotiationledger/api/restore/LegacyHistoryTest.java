package org.negotiationledger.api.restore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.axonframework.serialization.Revision;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.negotiationledger.api.ApiTest;
import org.negotiationledger.api.Http;
import org.negotiationledger.api.LedgerCommandLine;
import org.negotiationledger.api.LedgerInstance;
import org.negotiationledger.api.view.ViewsCaughtUp;

/**
 * A history recorded before the event types carried a {@code @Revision} ({@code src/test/resources/legacy}, made
 * by the ledger of before issue 28: see its README.txt), restored by the jar's {@code restore} into a new ledger:
 * it verifies with the head it had, folds to the views it answered then (live and rebuilt), and takes new
 * commands, whose events carry today's revision.
 */
class LegacyHistoryTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** The head of the legacy history, as its ledger's {@code verify} gave it. */
    static final String HEAD = "b2b2d5c93fc27d17d691ceb403053c46546a2f4e790d04d9fc778844d919e799";

    private static Path dir;
    private static Path history;
    private static LedgerInstance ledger;
    private static Http http;

    record Run(int exit, String out, String err) {}

    static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        InputStream in = new ByteArrayInputStream(new byte[0]);
        int exit = LedgerCommandLine.create(in, new PrintWriter(out, true), new PrintWriter(err, true))
                .execute(args);
        return new Run(exit, out.toString(), err.toString());
    }

    private static String dataDir(Path data) {
        return "--ledger.data-dir=" + data;
    }

    @BeforeAll
    static void restore() throws IOException {
        dir = ApiTest.temporaryDirectory("ledger-legacy");
        history = dir.resolve("history.ndjson");
        try (InputStream legacy = LegacyHistoryTest.class.getResourceAsStream("/legacy/history.ndjson")) {
            Files.copy(legacy, history);
        }
        Run restored = run("restore", history.toString(), dataDir(dir.resolve("data")));
        assertThat(restored.exit()).as(restored.err()).isZero();
        JsonNode report = JSON.readTree(restored.out());
        assertThat(report.get("verified").asBoolean()).isTrue();
        assertThat(report.get("events").asLong()).isEqualTo(37);
        assertThat(report.get("head").asText()).isEqualTo(HEAD);
        assertThat(restored.err()).contains("37 events restored");

        ledger = LedgerInstance.start(
                Map.of("ledger.data-dir", dir.resolve("data").toString()));
        http = ledger.http();
        ViewsCaughtUp.await(http);
    }

    @AfterAll
    static void stop() {
        if (ledger != null) {
            ledger.close();
        }
    }

    @Test
    void theRestoredLedgerFoldsToTheViewsOfThenVerifiesAndTakesNewCommands() {
        // (a) the views of then, folded live from the restored events, and again rebuilt from them (the rebuild
        // reads the stored events through the upcasters, as the event store does)
        ViewsOfThen.answerAsThen(http);
        assertThat(http.post("/api/v1/admin/replays/all", "").status()).isEqualTo(202);
        ViewsCaughtUp.await(http);
        ViewsOfThen.answerAsThen(http);

        // (b) the restored ledger verifies, with the head the legacy ledger had; its events are stored as they
        // were, without a revision
        JsonNode verified = http.get("/api/v1/audit/verify").json();
        assertThat(verified.get("verified").asBoolean()).isTrue();
        assertThat(verified.get("head").asText()).isEqualTo(HEAD);
        JsonNode events = http.get("/api/v1/audit/events?limit=100").json();
        assertThat(events)
                .hasSize(37)
                .allSatisfy(event ->
                        assertThat(event.get("payloadRevision").isNull()).isTrue());

        // (c) new commands on legacy records (loaded from events of no revision): recorded, shown, current revision
        JsonNode trilateralBefore =
                http.get("/api/v1/commitments/trilateral-2020-11-10").json();
        assertThat(trilateralBefore.get("status").asText()).isEqualTo("HOLDING");
        int timelineBefore = http.get("/api/v1/negotiations/nagorno-karabakh-2020/timeline")
                .json()
                .size();
        Http.Response report = http.post("/api/v1/commitments/trilateral-2020-11-10/violations", """
                {"id": "after-restore", "reportedBy": "armenia", "accused": "azerbaijan",
                 "occurredAt": "2020-11-12T10:00+04:00", "description": "reported after the restore"}""");
        assertThat(report.status()).as(report.toString()).isEqualTo(201);
        Http.Response finding =
                http.post("/api/v1/commitments/legacy-truce/violations/legacy-shelling/assessment", """
                {"outcome": "CONFIRMED", "assessedBy": "icrc", "assessedAt": "2021-01-04T10:00+04:00"}""");
        assertThat(finding.status()).as(finding.toString()).isEqualTo(201);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            JsonNode trilateral =
                    http.get("/api/v1/commitments/trilateral-2020-11-10").json();
            assertThat(trilateral.get("status").asText()).isEqualTo("VIOLATED");
            assertThat(trilateral.get("reports").get("standing").asInt())
                    .isEqualTo(trilateralBefore.get("reports").get("standing").asInt() + 1);
            assertThat(http.get("/api/v1/commitments/legacy-truce/violations/legacy-shelling")
                            .json()
                            .get("status")
                            .asText())
                    .isEqualTo("CONFIRMED");
            assertThat(http.get("/api/v1/negotiations/nagorno-karabakh-2020/timeline")
                            .json())
                    .hasSize(timelineBefore + 1);
        });
        JsonNode after = http.get("/api/v1/audit/events?fromIndex=38").json();
        // each stored at its type's current revision (ViolationReported 2 since issue 28, ViolationAssessed 1)
        assertThat(after)
                .hasSize(2)
                .allSatisfy(event -> assertThat(event.get("payloadRevision").asText())
                        .isEqualTo(Class.forName(event.get("payloadType").asText())
                                .getAnnotation(Revision.class)
                                .value()));
        JsonNode verifiedAfter = http.get("/api/v1/audit/verify").json();
        assertThat(verifiedAfter.get("verified").asBoolean()).isTrue();
        assertThat(verifiedAfter.get("events").asLong()).isEqualTo(39);
        assertThat(verifiedAfter.get("headIndex").asLong()).isEqualTo(39);
    }

    @Test
    void aHistoryIsRestoredIntoAnEmptyLedgerOnly() {
        // The restored ledger's own database (held by the running server) or a new one holding any event.
        Path other = dir.resolve("other");
        Run first = run("restore", history.toString(), dataDir(other));
        assertThat(first.exit()).as(first.err()).isZero();
        Run again = run("restore", history.toString(), dataDir(other));
        assertThat(again.exit()).isEqualTo(5);
        assertThat(again.err()).contains("already holds 37 events").contains("nothing was restored");
    }

    @Test
    void aHistoryThatDoesNotVerifyIsNotRestored() throws IOException {
        Path forged = dir.resolve("forged.ndjson");
        Files.writeString(forged, Files.readString(history).replace("\"killed\":1", "\"killed\":0"));
        Path data = dir.resolve("forged-data");
        Run refused = run("restore", forged.toString(), dataDir(data));
        assertThat(refused.exit()).isEqualTo(1);
        assertThat(JSON.readTree(refused.out()).get("verified").asBoolean()).isFalse();
        assertThat(refused.err()).contains("does not verify").contains("nothing was restored");
        // Refused before anything started: no database was made.
        assertThat(data).doesNotExist();

        Path notAnExport = dir.resolve("not-an-export.ndjson");
        Files.writeString(notAnExport, "not json\n");
        Run unreadable = run("restore", notAnExport.toString(), dataDir(data));
        assertThat(unreadable.exit()).isEqualTo(1);
        assertThat(unreadable.err()).contains("is not an exported history");

        Run missing = run("restore", dir.resolve("no-such.ndjson").toString(), dataDir(data));
        assertThat(missing.exit()).isEqualTo(2);
        assertThat(missing.err()).contains("no such file");
    }
}

package org.negotiationledger.api.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.negotiationledger.api.ApiTest;
import org.negotiationledger.api.Http;
import org.negotiationledger.api.LedgerInstance;
import org.negotiationledger.api.TestUsers;

/**
 * The embedded database on a file system that fills up, as a small disk does: a write that cannot be stored is
 * refused {@code 503 storage-unavailable} with {@code Retry-After} and records nothing, reads and health answer
 * (never {@code 500}), health is DOWN naming the cause, and once space is freed the server reopens its store by
 * itself and serves again with every acknowledged write in it. The file system is a tmpfs of a few MB mounted
 * for the test, so nothing else's disk is filled; where mounting is not allowed (not root) the test is skipped,
 * saying so.
 */
class FullDiskTest {

    private static final String STORAGE_UNAVAILABLE = "urn:problem:negotiation-ledger:storage-unavailable";

    @Test
    void aFullDiskRefusesWritesWith503AndTheServerServesAgainOnceSpaceIsFreed() throws Exception {
        Path disk = ApiTest.temporaryDirectory("full-disk");
        mount(disk);
        try (LedgerInstance ledger = LedgerInstance.start(Map.of("ledger.data-dir", disk.toString()))) {
            Http http = ledger.http().withoutLocationCheck();
            Http auditor = http.as(TestUsers.AUDITOR);
            List<String> acknowledged = new ArrayList<>(List.of("before"));
            assertThat(post(http, "before").status()).isEqualTo(201);

            Path filler = fill(disk);
            String refused = null;
            for (int i = 0; i < 2_000 && refused == null; i++) {
                Http.Response answer = post(http, "w-" + i);
                if (answer.status() == 201) {
                    acknowledged.add("w-" + i);
                } else {
                    assertStorageUnavailable(answer);
                    refused = "w-" + i;
                }
            }
            assertThat(refused).as("a write refused once the disk is full").isNotNull();

            // While it is full: reads and health answer, none with a 500.
            Http.Response read = http.get("/api/v1/commitments");
            assertThat(read.status()).isIn(200, 503);
            if (read.status() == 503) {
                assertStorageUnavailable(read);
            }
            Http.Response verify = auditor.get("/api/v1/audit/verify");
            assertThat(verify.status()).isIn(200, 503);
            Http.Response health = auditor.get("/actuator/health");
            assertThat(health.status()).as(health.text()).isEqualTo(503);
            JsonNode storage = health.json().path("components").path("storage");
            assertThat(storage.path("status").asText()).as(health.text()).isEqualTo("DOWN");
            assertThat(storage.path("details").path("reason").asText()).contains("space");
            assertThat(http.get("/actuator/health/readiness").status()).isEqualTo(503);
            assertThat(http.get("/actuator/health/liveness").status())
                    .as("alive: a restart would not help")
                    .isEqualTo(200);

            Files.delete(filler);
            await().atMost(Duration.ofSeconds(30))
                    .pollInterval(Duration.ofMillis(500))
                    .until(() -> {
                        Http.Response answer = post(http, "after");
                        if (answer.status() != 201) {
                            assertStorageUnavailable(answer);
                        }
                        return answer.status() == 201;
                    });
            acknowledged.add("after");

            await().atMost(Duration.ofSeconds(90))
                    .until(() -> acknowledged.stream()
                            .allMatch(id -> http.get("/api/v1/actors/" + id).status() == 200));
            assertThat(auditor.get("/api/v1/audit/events?aggregateId=" + refused)
                            .json()
                            .size())
                    .as("the refused write recorded nothing")
                    .isZero();
            assertThat(auditor.get("/api/v1/audit/verify")
                            .json()
                            .path("verified")
                            .asBoolean())
                    .isTrue();
            await().atMost(Duration.ofSeconds(60))
                    .until(() -> http.get("/actuator/health/readiness").status() == 200);
        } finally {
            new ProcessBuilder("umount", "-l", disk.toString())
                    .inheritIO()
                    .start()
                    .waitFor();
        }
    }

    private static Http.Response post(Http http, String id) {
        return http.post("/api/v1/actors", """
                {"id": "%s", "name": "Actor %s", "kind": "STATE"}""".formatted(id, id));
    }

    private static void assertStorageUnavailable(Http.Response answer) {
        assertThat(answer.status()).as(answer.text()).isEqualTo(503);
        assertThat(answer.contentType()).startsWith("application/problem+json");
        assertThat(answer.json().path("type").asText()).isEqualTo(STORAGE_UNAVAILABLE);
        assertThat(answer.header("Retry-After")).isNotBlank();
    }

    /** A tmpfs of 16 MB at {@code directory}: the server's whole disk. */
    private static void mount(Path directory) throws IOException, InterruptedException {
        Process mount;
        try {
            mount = new ProcessBuilder("mount", "-t", "tmpfs", "-o", "size=16m", "tmpfs", directory.toString())
                    .redirectErrorStream(true)
                    .start();
        } catch (IOException e) {
            assumeTrue(false, "no mount command here, so no small disk to fill: " + e.getMessage());
            return;
        }
        String said = new String(mount.getInputStream().readAllBytes());
        assumeTrue(mount.waitFor() == 0, "cannot mount a small tmpfs to fill (needs root): " + said);
    }

    /** Takes every byte left on the tmpfs; deleting the file gives them back. */
    private static Path fill(Path disk) throws IOException {
        Path filler = disk.resolve("filler");
        byte[] block = new byte[64 * 1024];
        try (OutputStream out = Files.newOutputStream(filler)) {
            for (long written = 0; written < 64L << 20; written += block.length) {
                out.write(block);
            }
        } catch (IOException full) {
            return filler;
        }
        return fail("the tmpfs took 64 MB without filling up");
    }
}

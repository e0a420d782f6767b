package org.negotiationledger.api.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.negotiationledger.api.ApiTest;
import org.negotiationledger.api.Http;
import org.negotiationledger.api.PostgresSchemas;
import org.negotiationledger.api.ServerProcess;
import org.yaml.snakeyaml.Yaml;

/**
 * The deployment of docker/: what can be checked without a Docker engine (there is none here). The compose
 * file's topology runs as processes (PostgreSQL, two ledger nodes, one address in front); the compose file,
 * the Dockerfile and nginx's configuration are checked as files.
 */
class LedgerTopologyTest {

    private static final Path DOCKER = Files.exists(Path.of("../docker")) ? Path.of("../docker") : Path.of("docker");

    @Test
    void aCommandThroughTheFrontAddressOnOneNodeIsVisibleThroughTheOther() throws Exception {
        PostgresSchemas.assumeAvailable("the deployment topology");
        Map<String, String> database = new HashMap<>(PostgresSchemas.newSchema());
        database.put("spring.profiles.active", "postgres");
        Path logs = ApiTest.temporaryDirectory("topology");
        int one = ServerProcess.freePort();
        int two = ServerProcess.freePort();
        Process first = ServerProcess.start(one, database, logs.resolve("one.log"));
        Process second = ServerProcess.start(two, database, logs.resolve("two.log"));
        try (FrontProxy front = new FrontProxy(List.of(one, two))) {
            ServerProcess.awaitHealthy(new Http(one), first);
            ServerProcess.awaitHealthy(new Http(two), second);
            Http http = new Http(front.port()).withoutLocationCheck();

            Http.Response created = http.post("/api/v1/actors", """
                    {"name": "Organization for Security and Co-operation in Europe", "kind": "INTERNATIONAL_ORGANIZATION"}""");
            assertThat(created.status()).as(created.text()).isEqualTo(201);
            String wrote = created.header("X-Upstream");
            await().atMost(Duration.ofSeconds(30))
                    .pollInterval(Duration.ofMillis(100))
                    .until(() -> {
                        Http.Response read = http.get(created.location());
                        return read.status() == 200 && !wrote.equals(read.header("X-Upstream"));
                    });
            // And directly on each node.
            for (int port : new int[] {one, two}) {
                await().atMost(Duration.ofSeconds(30))
                        .until(() -> new Http(port).get(created.location()).status() == 200);
            }
            assertThat(http.get("/actuator/health/readiness").status()).isEqualTo(200);
        } finally {
            first.destroy();
            second.destroy();
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void theComposeFileRunsPostgresTwoNodesThatWaitForItAndAProxyInFront() throws IOException {
        Map<String, Object> compose = new Yaml().load(Files.readString(DOCKER.resolve("compose.yaml")));
        Map<String, Map<String, Object>> services = (Map<String, Map<String, Object>>) compose.get("services");
        assertThat(services).containsKeys("postgres", "ledger-1", "ledger-2", "proxy");
        assertThat(services.get("postgres")).containsKey("healthcheck");
        for (String node : List.of("ledger-1", "ledger-2")) {
            Map<String, Object> service = services.get(node);
            assertThat(service.get("restart")).as(node).isEqualTo("unless-stopped");
            assertThat((Map<String, Map<String, String>>) service.get("depends_on"))
                    .as(node)
                    .containsEntry("postgres", Map.of("condition", "service_healthy"));
            assertThat((Map<String, Object>) service.get("environment"))
                    .as(node)
                    .containsEntry("SPRING_PROFILES_ACTIVE", "postgres")
                    .containsKey("LEDGER_DB_URL");
            assertThat((Map<String, String>) service.get("build")).containsEntry("dockerfile", "docker/Dockerfile");
        }
        assertThat((List<String>) services.get("proxy").get("ports")).contains("8080:8080");
        String nginx = Files.readString(DOCKER.resolve("nginx.conf"));
        assertThat(nginx).contains("server ledger-1:8080", "server ledger-2:8080", "proxy_buffering off");
        assertThat((List<String>) services.get("proxy").get("volumes"))
                .contains("./nginx.conf:/etc/nginx/conf.d/default.conf:ro");
    }

    @Test
    void theDockerfileBuildsFromTheSourcesAndRunsAsItsOwnUserWithAHealthCheck() throws IOException {
        String dockerfile = Files.readString(DOCKER.resolve("Dockerfile"));
        Path root = DOCKER.resolve("..");
        List<String> missing = new ArrayList<>();
        Matcher copy = Pattern.compile("(?m)^COPY (?!--from)(.+) (\\S+)$").matcher(dockerfile);
        int copies = 0;
        while (copy.find()) {
            for (String source : copy.group(1).trim().split("\\s+")) {
                copies++;
                if (!Files.exists(root.resolve(source))) {
                    missing.add(source);
                }
            }
        }
        assertThat(copies).isGreaterThan(5);
        assertThat(missing).as("COPY sources missing from the repository").isEmpty();
        assertThat(dockerfile)
                .containsPattern("(?m)^FROM \\S+ AS build$")
                .contains("./mvnw")
                .contains("COPY --from=build /src/ledger-api/target/ledger-api.jar")
                .containsPattern("(?m)^USER ledger$")
                .containsPattern("(?m)^HEALTHCHECK ")
                .contains("chown -R ledger:ledger /var/lib/ledger");
    }
}

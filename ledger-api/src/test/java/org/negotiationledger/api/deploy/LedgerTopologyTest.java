package org.negotiationledger.api.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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
import org.negotiationledger.api.problem.ProblemType;
import org.springframework.util.unit.DataSize;
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
            assertThat(service.get("image")).as(node).isEqualTo("negotiation-ledger");
        }
        assertThat((List<String>) services.get("proxy").get("ports")).contains("8080:8080");
        String nginx = Files.readString(DOCKER.resolve("nginx.conf"));
        assertThat(nginx).contains("server ledger-1:8080", "server ledger-2:8080", "proxy_buffering off");
        assertThat((List<String>) services.get("proxy").get("volumes"))
                .contains("./nginx.conf:/etc/nginx/conf.d/default.conf:ro");
    }

    @Test
    @SuppressWarnings("unchecked")
    void theComposeFileBuildsTheNodesImageOnceAndNeverPullsIt() throws IOException {
        Map<String, Object> compose = new Yaml().load(Files.readString(DOCKER.resolve("compose.yaml")));
        Map<String, Map<String, Object>> services = (Map<String, Map<String, Object>>) compose.get("services");
        List<String> builders = services.entrySet().stream()
                .filter(s -> s.getValue().containsKey("build"))
                .map(Map.Entry::getKey)
                .toList();
        assertThat(builders).as("services that build an image").containsExactly("ledger-1");
        assertThat((Map<String, String>) services.get("ledger-1").get("build"))
                .containsEntry("context", "..")
                .containsEntry("dockerfile", "docker/Dockerfile");
        // A service that runs the built image without building it would otherwise be pulled from a registry.
        services.forEach((name, service) -> {
            if (!service.containsKey("build") && "negotiation-ledger".equals(service.get("image"))) {
                assertThat(service.get("pull_policy")).as(name).isEqualTo("never");
            }
        });
    }

    @Test
    void theBuildContextLeavesOutDataBuildOutputAndHistoryButNothingTheDockerfileCopies() throws IOException {
        Path root = DOCKER.resolve("..").normalize();
        DockerIgnore ignore = new DockerIgnore(Files.readAllLines(root.resolve(".dockerignore")));
        assertThat(List.of(
                        ".git/HEAD",
                        "data/ledger.mv.db",
                        "target/x",
                        "ledger-api/target/ledger-api.jar",
                        "ledger-api/data/ledger.mv.db",
                        "benchmarks/logs/run.log",
                        "README.md"))
                .allSatisfy(path -> assertThat(ignore.excludes(path)).as(path).isTrue());
        List<String> sources = copySources(Files.readString(DOCKER.resolve("Dockerfile")));
        assertThat(sources).contains("mvnw", "ledger-api/src", "docs/openapi.json");
        List<String> leftOut = new ArrayList<>();
        for (String source : sources) {
            try (var files = Files.walk(root.resolve(source))) {
                files.filter(Files::isRegularFile)
                        .map(file -> root.relativize(file).toString().replace('\\', '/'))
                        .filter(ignore::excludes)
                        .forEach(leftOut::add);
            }
        }
        assertThat(leftOut)
                .as("files the Dockerfile copies that .dockerignore leaves out")
                .isEmpty();
    }

    @Test
    void nginxLetsThroughEveryBodyTheLedgerTakesAndAnswersItsOwnRefusalsAsProblems() throws Exception {
        String nginx = Files.readString(DOCKER.resolve("nginx.conf"));
        Matcher limit = Pattern.compile("(?m)^\\s*client_max_body_size\\s+(\\d+)([kKmMgG]?);")
                .matcher(nginx);
        assertThat(limit.find()).as("client_max_body_size in nginx.conf").isTrue();
        long nginxLimit = Long.parseLong(limit.group(1))
                * switch (limit.group(2).toLowerCase()) {
                    case "k" -> 1L << 10;
                    case "m" -> 1L << 20;
                    case "g" -> 1L << 30;
                    default -> 1L;
                };
        // Above it, the ledger's own 413 (problem+json, with the limit) must be the answer, not nginx's.
        assertThat(nginxLimit).isGreaterThan(importLimit().toBytes());

        assertThat(nginx)
                // a path, not a named location: nginx sends a request whose line it could not read to no name
                .containsPattern("(?m)^\\s*error_page 400 414 494 =400 /\\S+;")
                .containsPattern("(?m)^\\s*error_page 404 @\\S+;")
                .containsPattern("(?m)^\\s*error_page 413 @\\S+;")
                .containsPattern("(?m)^\\s*error_page 502 503 504 =503 @\\S+;");
        Matcher page = Pattern.compile("(?s)location (@\\S+|= /problem/\\S+) \\{(.*?)\\n    \\}")
                .matcher(nginx);
        Map<String, ProblemType> types = new HashMap<>();
        for (ProblemType type : ProblemType.values()) {
            types.put(type.uri().toString(), type);
        }
        int pages = 0;
        while (page.find()) {
            pages++;
            String body = page.group(2);
            assertThat(body).as(page.group(1)).contains("default_type application/problem+json;");
            Matcher answer = Pattern.compile("return (\\d{3}) '(.*)';").matcher(body);
            assertThat(answer.find()).as(page.group(1)).isTrue();
            JsonNode problem = new ObjectMapper().readTree(answer.group(2));
            ProblemType type = types.get(problem.path("type").asText());
            assertThat(type).as(page.group(1) + ": a type of the ledger's").isNotNull();
            assertThat(problem.path("status").asInt())
                    .isEqualTo(Integer.parseInt(answer.group(1)))
                    .isEqualTo(type.status().value());
            assertThat(problem.path("title").asText()).isEqualTo(type.title());
            assertThat(problem.path("detail").asText()).isNotBlank();
        }
        assertThat(pages).isEqualTo(4);
    }

    /**
     * The server's limit on an import's body, as it reads it: from application.properties, else the default
     * where the setting is read.
     */
    private static DataSize importLimit() throws IOException {
        Path api = DOCKER.resolve("../ledger-api/src/main");
        Matcher set = Pattern.compile("(?m)^ledger\\.imports\\.max-size=(\\S+)")
                .matcher(Files.readString(api.resolve("resources/application.properties")));
        if (set.find()) {
            return DataSize.parse(set.group(1));
        }
        Pattern byDefault = Pattern.compile("\\$\\{ledger\\.imports\\.max-size:([^}]+)}");
        try (var files = Files.walk(api.resolve("java"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                Matcher found = byDefault.matcher(Files.readString(file));
                if (found.find()) {
                    return DataSize.parse(found.group(1));
                }
            }
        }
        throw new AssertionError("ledger.imports.max-size is neither set nor read with a default: update this test");
    }

    /** The sources of the Dockerfile's COPY lines (not those from another stage). */
    private static List<String> copySources(String dockerfile) {
        List<String> sources = new ArrayList<>();
        Matcher copy = Pattern.compile("(?m)^COPY (?!--from)(.+) (\\S+)$").matcher(dockerfile);
        while (copy.find()) {
            sources.addAll(List.of(copy.group(1).trim().split("\\s+")));
        }
        return sources;
    }

    /**
     * Docker's reading of a {@code .dockerignore}: each line a pattern ({@code *} and {@code ?} within a path
     * segment, {@code **} across them, {@code !} to let back in), which leaves out a path when it or a folder
     * above it matches; the last pattern that matches decides.
     */
    private record DockerIgnore(List<Pattern> patterns, List<Boolean> exceptions) {

        DockerIgnore(List<String> lines) {
            this(new ArrayList<>(), new ArrayList<>());
            for (String line : lines) {
                String pattern = line.strip();
                if (pattern.isEmpty() || pattern.startsWith("#")) {
                    continue;
                }
                boolean exception = pattern.startsWith("!");
                pattern = pattern.substring(exception ? 1 : 0).replaceFirst("^(\\./|/)+", "");
                StringBuilder regex = new StringBuilder();
                for (int i = 0; i < pattern.length(); i++) {
                    char c = pattern.charAt(i);
                    if (pattern.startsWith("**/", i)) {
                        regex.append("(.*/)?");
                        i += 2;
                    } else if (pattern.startsWith("**", i)) {
                        regex.append(".*");
                        i++;
                    } else if (c == '*') {
                        regex.append("[^/]*");
                    } else if (c == '?') {
                        regex.append("[^/]");
                    } else {
                        regex.append(Pattern.quote(String.valueOf(c)));
                    }
                }
                patterns.add(Pattern.compile(regex.toString()));
                exceptions.add(exception);
            }
        }

        boolean excludes(String path) {
            boolean excluded = false;
            for (int i = 0; i < patterns.size(); i++) {
                if (matchesOrParent(patterns.get(i), path)) {
                    excluded = !exceptions.get(i);
                }
            }
            return excluded;
        }

        private static boolean matchesOrParent(Pattern pattern, String path) {
            for (String prefix = path; ; prefix = prefix.substring(0, prefix.lastIndexOf('/'))) {
                if (pattern.matcher(prefix).matches()) {
                    return true;
                }
                if (!prefix.contains("/")) {
                    return false;
                }
            }
        }
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
        // A start under load was seen to take 95 s; failures within the start period do not count.
        Matcher start = Pattern.compile("--start-period=(\\d+)s").matcher(dockerfile);
        assertThat(start.find()).isTrue();
        assertThat(Integer.parseInt(start.group(1))).isGreaterThanOrEqualTo(180);
    }
}

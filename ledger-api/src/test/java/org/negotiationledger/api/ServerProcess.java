package org.negotiationledger.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** A ledger server in a process of its own, for tests that kill it with SIGKILL. */
public final class ServerProcess {

    private ServerProcess() {}

    /** Starts a server on {@code port} with these settings and the test users, its output in {@code log}. */
    public static Process start(int port, Map<String, String> settings, Path log) throws IOException {
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> command = new ArrayList<>(List.of(
                java,
                "-Xmx512m",
                "-cp",
                System.getProperty("java.class.path"),
                LedgerApplication.class.getName(),
                "--server.port=" + port,
                // Seconds of CPU each start, for a description these tests do not read (LedgerInstance says so too).
                "--ledger.api-description.build-at-start=false"));
        settings.forEach((key, value) -> command.add("--" + key + "=" + value));
        TestUsers.all().forEach((key, value) -> command.add("--" + key + "=" + value));
        ProcessBuilder builder =
                new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().put("AXONIQ_UPDATE_CHECKER_DISABLED", "true");
        return builder.start();
    }

    public static void awaitHealthy(Http http, Process server) {
        await().atMost(Duration.ofMinutes(2))
                .pollInterval(Duration.ofMillis(200))
                .ignoreExceptions()
                .until(() -> {
                    assertThat(server.isAlive()).as("server process exited").isTrue();
                    return http.get("/actuator/health").status() == 200;
                });
    }

    public static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}

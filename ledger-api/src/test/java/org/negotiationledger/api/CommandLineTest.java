package org.negotiationledger.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

/**
 * The jar's command line: help and usage errors exit without starting a server; the import, run in this JVM
 * and, where what reaches stdout and stderr matters, in a process of its own.
 */
class CommandLineTest {

    private record Run(int exit, String out, String err) {}

    private static Run run(String input, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        InputStream in = new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8));
        int exit = LedgerCommandLine.create(in, new PrintWriter(out, true), new PrintWriter(err, true))
                .execute(args);
        return new Run(exit, out.toString(), err.toString());
    }

    @Test
    void helpPrintsUsageAndExitsZero() {
        for (String[] args : new String[][] {{"--help"}, {"-h"}, {"help"}}) {
            Run run = run("", args);
            assertThat(run.exit()).as(String.join(" ", args)).isZero();
            assertThat(run.out()).contains("Usage: java -jar ledger-api.jar", "server", "verify", "hash-password");
        }
    }

    @Test
    void helpOfACommandDescribesIt() {
        Run run = run("", "help", "verify");
        assertThat(run.exit()).isZero();
        assertThat(run.out()).contains("--noted=INDEX:HEAD", "HISTORY");
    }

    @Test
    void anUnknownCommandExitsTwoWithUsage() {
        Run run = run("", "frobnicate");
        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).contains("frobnicate", "Usage:");
    }

    @Test
    void verifyWithoutAFileOrWithAMalformedNotedHeadIsAUsageError() {
        assertThat(run("", "verify").exit()).isEqualTo(2);
        assertThat(run("", "verify", "/nonexistent/history.ndjson").exit()).isEqualTo(2);
        Run noted = run("", "verify", "x.ndjson", "--noted", "12");
        assertThat(noted.exit()).isEqualTo(2);
        assertThat(noted.err()).contains("INDEX:HEAD");
    }

    @Test
    void anImportUnderAReservedOrUnfitPrincipalIsAUsageErrorAndStartsNothing() throws Exception {
        java.nio.file.Path file =
                ApiTest.temporaryDirectory("ledger-cli-principal").resolve("lines.ndjson");
        java.nio.file.Files.writeString(file, "{}\n");
        for (String principal : new String[] {"demo-history", "Demo-History", "operator:alice", "two words", ""}) {
            Run run = run("", "import", file.toString(), "--id", "x", "--principal", principal);
            assertThat(run.exit()).as("--principal '%s'", principal).isEqualTo(2);
            assertThat(run.err()).as("--principal '%s'", principal).contains("--principal");
        }
    }

    @Test
    void hashPasswordPrintsABcryptHashOfTheLineRead() {
        Run run = run("correct horse battery staple\n", "hash-password");
        assertThat(run.exit()).isZero();
        String hash = run.out().trim();
        assertThat(hash).startsWith("{bcrypt}$2a$12$");
        assertThat(new BCryptPasswordEncoder().matches("correct horse battery staple", hash.substring(8)))
                .isTrue();
    }

    @Test
    void aShortPasswordIsRefused() {
        Run run = run("short\n", "hash-password");
        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).contains("12 characters");
    }

    @Test
    void importRecordsAFileIntoTheConfiguredDatabaseOnceHoweverOftenItRuns() throws Exception {
        java.nio.file.Path dir = ApiTest.temporaryDirectory("ledger-cli-import");
        java.nio.file.Path file = dir.resolve("actors.ndjson");
        java.nio.file.Files.writeString(file, """
                {"path": "/api/v1/actors", "body": {"id": "cli-a", "name": "A", "kind": "STATE"}}
                {"path": "/api/v1/actors", "body": {"id": "cli-b", "name": "B", "kind": "STATE"}}
                """);
        String[] settings = {"--ledger.data-dir=" + dir.resolve("data"), "--ledger.demo-history.enabled=false"};

        Run first = run("", concat(new String[] {"import", file.toString(), "--id", "cli-actors"}, settings));
        assertThat(first.exit()).as(first.err()).isZero();
        assertThat(first.out()).contains("\"recorded\" : 2");
        Run again = run("", concat(new String[] {"import", file.toString(), "--id", "cli-actors"}, settings));
        assertThat(again.exit()).as(again.err()).isZero();
        assertThat(again.out()).contains("\"recorded\" : 0").contains("\"alreadyRecorded\" : 2");

        java.nio.file.Files.writeString(file, """
                {"path": "/api/v1/actors", "body": {"id": "cli-c", "name": "C", "kind": "PLANET"}}
                """);
        Run refused = run("", concat(new String[] {"import", file.toString(), "--id", "cli-planets"}, settings));
        assertThat(refused.exit()).isEqualTo(1);
        assertThat(refused.out()).contains("\"failedLine\" : 1").contains("kind");
    }

    @Test
    void helpBreaksNoSettingInTheMiddle() {
        Run run = run("", "--help");
        assertThat(run.out()).contains("--spring.profiles.active=postgres");
        assertThat(run.out().lines())
                .allSatisfy(line -> assertThat(line.length()).isLessThanOrEqualTo(80));
    }

    @Test
    void eachCommandsHelpListsItsExitCodes() {
        assertThat(run("", "verify", "--help").out())
                .containsPattern("(?m)^\\s+0\\s+.*verified")
                .containsPattern("(?m)^\\s+1\\s+.*not verified")
                .containsPattern("(?m)^\\s+2\\s+.*usage");
        assertThat(run("", "import", "--help").out())
                .containsPattern("(?m)^\\s+0\\s+")
                .containsPattern("(?m)^\\s+1\\s+.*refused")
                .containsPattern("(?m)^\\s+2\\s+.*usage")
                .containsPattern("(?m)^\\s+3\\s+.*running server");
        assertThat(run("", "restore", "--help").out())
                .containsPattern("(?m)^\\s+0\\s+.*restored")
                .containsPattern("(?m)^\\s+1\\s+.*not verified")
                .containsPattern("(?m)^\\s+2\\s+.*usage")
                .containsPattern("(?m)^\\s+3\\s+.*running server")
                .containsPattern("(?m)^\\s+5\\s+.*already holds events");
    }

    /**
     * Run as a script runs it, in a process of its own: the result alone on stdout (it parses as one JSON
     * document), no banner, no log below a warning, and a line of progress on stderr for each batch.
     */
    @Test
    void importPrintsItsResultAloneOnStdoutAndItsProgressOnStderr() throws Exception {
        Path dir = ApiTest.temporaryDirectory("ledger-cli-script");
        Path file = dir.resolve("actors.ndjson");
        StringBuilder lines = new StringBuilder();
        for (int i = 0; i < 5; i++) {
            lines.append("{\"path\": \"/api/v1/actors\", \"body\": {\"id\": \"script-")
                    .append(i)
                    .append("\", \"name\": \"A\", \"kind\": \"STATE\"}}\n");
        }
        Files.writeString(file, lines);

        Ran ran = runJar(
                dir,
                "import",
                file.toString(),
                "--id",
                "script",
                "--ledger.data-dir=" + dir.resolve("data"),
                "--ledger.demo-history.enabled=false",
                "--ledger.imports.batch-size=2");
        assertThat(ran.exit()).as(ran.err()).isZero();
        JsonNode result = new ObjectMapper().readTree(ran.out());
        assertThat(result.get("recorded").asInt()).isEqualTo(5);
        assertThat(result.get("batches").asInt()).isEqualTo(3);
        assertThat(ran.out() + ran.err()).doesNotContain("Spring Boot ::", " INFO ");
        assertThat(ran.err().lines().filter(line -> line.startsWith("import script: ")))
                .as(ran.err())
                .hasSize(3)
                .anySatisfy(line -> assertThat(line).contains("line 5"));
    }

    /**
     * The embedded H2 is one process's: with the server running, the import says so in one line and exits 3,
     * not 1 (a refused line) after a stack trace.
     */
    @Test
    void importWhileTheServerHoldsTheDatabaseSaysSoInOneLineAndExitsThree() throws Exception {
        Path dir = ApiTest.temporaryDirectory("ledger-cli-locked");
        Path file = dir.resolve("actors.ndjson");
        Files.writeString(file, """
                {"path": "/api/v1/actors", "body": {"id": "locked-a", "name": "A", "kind": "STATE"}}
                """);
        Map<String, String> settings =
                Map.of("ledger.data-dir", dir.resolve("data").toString(), "ledger.demo-history.enabled", "false");
        int port = ServerProcess.freePort();
        Process server = ServerProcess.start(port, settings, dir.resolve("server.log"));
        try {
            ServerProcess.awaitHealthy(new Http(port), server);

            Ran ran = runJar(
                    dir,
                    "import",
                    file.toString(),
                    "--id",
                    "locked",
                    "--ledger.data-dir=" + dir.resolve("data"),
                    "--ledger.demo-history.enabled=false");
            assertThat(ran.exit()).as(ran.err()).isEqualTo(3);
            assertThat(ran.out()).isEmpty();
            assertThat(ran.err().lines().filter(line -> !line.isBlank()))
                    .as(ran.err())
                    .singleElement()
                    .satisfies(line -> assertThat(line).contains("in use by a running server"));
        } finally {
            server.destroyForcibly();
            server.waitFor(30, TimeUnit.SECONDS);
        }
    }

    private record Ran(int exit, String out, String err) {}

    /** The jar's main class in a process of its own, on the test class path, as {@code java -jar} runs it. */
    private static Ran runJar(Path dir, String... args) throws Exception {
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> command = new ArrayList<>(List.of(
                java, "-Xmx384m", "-cp", System.getProperty("java.class.path"), LedgerApplication.class.getName()));
        command.addAll(List.of(args));
        Path out = Files.createTempFile(dir, "out", ".txt");
        Path err = Files.createTempFile(dir, "err", ".txt");
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectOutput(out.toFile())
                .redirectError(err.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        builder.environment().put("AXONIQ_UPDATE_CHECKER_DISABLED", "true");
        Process process = builder.start();
        if (!process.waitFor(5, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new AssertionError("the command did not end in 5 minutes: " + String.join(" ", args));
        }
        return new Ran(process.exitValue(), Files.readString(out), Files.readString(err));
    }

    private static String[] concat(String[] a, String[] b) {
        String[] all = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }
}

package org.negotiationledger.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

/** The jar's command line: help and usage errors exit without starting a server. */
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

    private static String[] concat(String[] a, String[] b) {
        String[] all = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }
}

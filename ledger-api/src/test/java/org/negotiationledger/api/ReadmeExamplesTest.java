package org.negotiationledger.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.negotiationledger.api.view.ViewsCaughtUp;

/**
 * The README's examples, run as written against a server started as from a fresh clone (embedded H2, demo
 * history, demo users), so that the README cannot drift from what the ledger answers.
 *
 * <p>Every {@code sh} block that calls {@code curl} is run, in the README's order, by one bash (so a variable
 * set in one block serves the next), with {@code localhost:8080} pointed at the test server. {@code curl} is
 * wrapped to note each answer's status; a comment line under a request that starts with a status
 * ({@code # 201 ...}, {@code # HTTP/1.1 409 ...}) is the status it must answer, and a request without one
 * must succeed. {@code java -jar ledger-api/target/ledger-api.jar} runs this build's command line (the jar
 * itself is packaged after the tests). The script stops at the first command that fails.
 */
class ReadmeExamplesTest {

    private static final Path README = Path.of("..", "README.md");
    private static final Pattern EXPECTED = Pattern.compile("^#\\s*(?:HTTP/1\\.1\\s+)?(\\d{3})\\b.*");

    /** One request of the README: where it is, and the status its comment names (null: any success). */
    private record Request(int line, String text, Integer expected) {}

    private record Block(int line, String script, List<Request> requests) {}

    @Test
    void everyExampleAnswersAsTheReadmeSays() throws Exception {
        Prerequisites.require(
                Files.isExecutable(Path.of("/usr/bin/curl")) && Files.isExecutable(Path.of("/bin/bash")),
                "the README examples need curl and bash (apt-get install curl); skipped");
        List<Block> blocks = blocks(Files.readAllLines(README, StandardCharsets.UTF_8));
        assertThat(blocks).as("sh blocks with curl in README.md").hasSizeGreaterThan(5);

        Path work = ApiTest.temporaryDirectory("ledger-readme");
        try (LedgerInstance ledger = LedgerInstance.start(
                Map.of("ledger.data-dir", work.resolve("data").toString(), "ledger.demo-history.enabled", "true"))) {
            Http http = ledger.http();
            ViewsCaughtUp.awaitHistory(http);

            Path statuses = work.resolve("statuses");
            StringBuilder script = new StringBuilder(PRELUDE);
            for (int i = 0; i < blocks.size(); i++) {
                script.append("\nblock=")
                        .append(i)
                        .append('\n')
                        .append(blocks.get(i).script().replace("localhost:8080", "127.0.0.1:" + ledger.port()))
                        .append('\n');
            }
            Process bash = new ProcessBuilder("/bin/bash", "-c", script.toString())
                    .directory(work.toFile())
                    .redirectErrorStream(true)
                    .start();
            bash.getOutputStream().close();
            String output = new String(bash.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(bash.waitFor(5, TimeUnit.MINUTES)).isTrue();
            List<String> noted = Files.exists(statuses) ? Files.readAllLines(statuses) : List.of();
            assertThat(bash.exitValue())
                    .as(
                            "the README's examples stopped at %s; output:%n%s",
                            noted.isEmpty() ? "the first request" : "after " + where(blocks, noted), tail(output))
                    .isZero();
            check(blocks, noted, output);
        }
    }

    /** The bash every block runs in: stop at the first failure; curl and java as described above. */
    private static final String PRELUDE = """
            set -eo pipefail
            curl() {
              local headers rc=0 status
              headers=$(mktemp)
              command curl -sS --max-time 3 -D "$headers" "$@" || rc=$?
              status=$(awk 'toupper($1) ~ /^HTTP\\// {code = $2} END {print code}' "$headers")
              rm -f "$headers"
              echo "$block ${status:-none}" >> "$PWD/statuses"
              # A stream answers 200 and goes on; the README's examples read it for three seconds.
              if [ "$rc" -eq 28 ] && [ "$status" = "200" ]; then return 0; fi
              return $rc
            }
            java() {
              if [ "$1" = "-jar" ]; then shift 2; fi
              command "%s" -cp "%s" org.negotiationledger.api.LedgerApplication "$@"
            }
            """.formatted(
                    Path.of(System.getProperty("java.home"), "bin", "java"), System.getProperty("java.class.path"));

    private static void check(List<Block> blocks, List<String> noted, String output) {
        int n = 0;
        for (int b = 0; b < blocks.size(); b++) {
            for (Request request : blocks.get(b).requests()) {
                assertThat(n)
                        .as("README line %d was never sent; output:%n%s", request.line(), tail(output))
                        .isLessThan(noted.size());
                String[] got = noted.get(n++).split(" ");
                assertThat(got[0])
                        .as("README line %d ran in another block than expected", request.line())
                        .isEqualTo(String.valueOf(b));
                String as = "README line " + request.line() + ": " + request.text();
                if (request.expected() == null) {
                    assertThat(got[1]).as(as).matches("2\\d\\d");
                } else {
                    assertThat(got[1]).as(as).isEqualTo(String.valueOf(request.expected()));
                }
            }
        }
        assertThat(noted).as("requests sent").hasSize(n);
    }

    private static String where(List<Block> blocks, List<String> noted) {
        String[] last = noted.get(noted.size() - 1).split(" ");
        Block block = blocks.get(Integer.parseInt(last[0]));
        return "the block at README line " + block.line() + " (" + noted.size() + " requests answered)";
    }

    private static String tail(String output) {
        return output.length() < 6000 ? output : "..." + output.substring(output.length() - 6000);
    }

    /** The {@code sh} blocks that call curl, each with its requests in order. */
    private static List<Block> blocks(List<String> lines) {
        List<Block> blocks = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            if (!lines.get(i).strip().equals("```sh")) {
                continue;
            }
            int start = i + 1;
            int end = start;
            while (!lines.get(end).strip().equals("```")) {
                end++;
            }
            List<String> body = lines.subList(start, end);
            List<Request> requests = requests(body, start + 1);
            if (!requests.isEmpty()) {
                blocks.add(new Block(start, String.join("\n", body), requests));
            }
            i = end;
        }
        return blocks;
    }

    private static List<Request> requests(List<String> body, int firstLine) {
        List<Request> requests = new ArrayList<>();
        for (int i = 0; i < body.size(); i++) {
            String line = body.get(i);
            if (line.strip().startsWith("#") || !line.contains("curl ")) {
                continue;
            }
            int first = i;
            StringBuilder command = new StringBuilder(line);
            while ((command.toString().endsWith("\\") || quotesOpen(command)) && i + 1 < body.size()) {
                command.append('\n').append(body.get(++i));
            }
            Integer expected = null;
            if (i + 1 < body.size()) {
                Matcher m = EXPECTED.matcher(body.get(i + 1).strip());
                if (m.matches()) {
                    expected = Integer.parseInt(m.group(1));
                }
            }
            requests.add(new Request(firstLine + first, command.toString(), expected));
        }
        return requests;
    }

    /** Whether a single-quoted string is still open at the end, as bash reads it (a comment ends a line). */
    private static boolean quotesOpen(CharSequence text) {
        boolean single = false;
        boolean dbl = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\n' && !single && !dbl) {
                continue;
            }
            if (c == '\'' && !dbl) {
                single = !single;
            } else if (c == '"' && !single) {
                dbl = !dbl;
            } else if (c == '#' && !single && !dbl && (i == 0 || Character.isWhitespace(text.charAt(i - 1)))) {
                int next = text.toString().indexOf('\n', i);
                if (next < 0) {
                    return false;
                }
                i = next;
            }
        }
        return single;
    }
}

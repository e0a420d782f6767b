package org.negotiationledger.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.negotiationledger.api.view.ViewsCaughtUp;

/**
 * requests.http, the requests to try by hand, run in order against a server started as from a fresh clone
 * (demo history, demo users): each answers the status its {@code # expect} line names, and conforms to the API
 * description (ApiContract). Every operation of docs/openapi.json is among them.
 */
class RequestsFileTest {

    private static final Path FILE = Path.of("..", "requests.http");

    /** One request of the file: its title, method, path, headers (name, value, ...), body, expected status. */
    private record Request(String title, String method, String path, List<String> headers, String body, int expected) {}

    @Test
    void everyRequestAnswersAsTheFileSaysAndEveryOperationIsThere() throws Exception {
        List<Request> requests = parse(Files.readString(FILE, StandardCharsets.UTF_8));
        List<String> missing = new ArrayList<>();
        ApiContract.get()
                .document()
                .path("paths")
                .fields()
                .forEachRemaining(path -> path.getValue().fieldNames().forEachRemaining(method -> {
                    String pattern = path.getKey().replaceAll("\\{[^}]+}", "[^/?]+") + "(\\?.*)?";
                    if (requests.stream()
                            .noneMatch(r -> r.method().equalsIgnoreCase(method)
                                    && r.path().matches(pattern))) {
                        missing.add(method.toUpperCase() + " " + path.getKey());
                    }
                }));
        assertThat(missing).as("operations with no request in requests.http").isEmpty();

        try (LedgerInstance ledger = LedgerInstance.withDemoHistory("requests-http")) {
            Http http = ledger.http();
            ViewsCaughtUp.awaitHistory(http);
            for (Request request : requests) {
                String[] headers = request.headers().toArray(String[]::new);
                int status;
                if (request.path().startsWith("/api/v1/stream/")) {
                    // Each ends by itself, as a .http client needs to go on to the next request (httpyac waits
                    // for the end of an answer), having sent the events up to now.
                    try (SseClient stream = SseClient.open(ledger.port(), request.path(), headers)) {
                        status = stream.status();
                        await().atMost(Duration.ofSeconds(20)).until(stream::ended);
                        assertThat(stream.events()).as(request.title()).isNotEmpty();
                    }
                } else {
                    Http.Response answer = request.method().equals("GET")
                            ? http.get(request.path(), headers)
                            : http.post(request.path(), request.body(), headers);
                    status = answer.status();
                    assertThat(status)
                            .as("%s: %s", request.title(), answer.text())
                            .isEqualTo(request.expected());
                }
                assertThat(status).as(request.title()).isEqualTo(request.expected());
            }
        }
    }

    private static List<Request> parse(String text) {
        List<Request> requests = new ArrayList<>();
        for (String block : text.split("(?m)^###")) {
            List<String> lines = block.lines().toList();
            String title = lines.isEmpty() ? "" : lines.get(0).trim();
            Integer expected = null;
            int i = 1;
            for (;
                    i < lines.size()
                            && (lines.get(i).startsWith("#") || lines.get(i).isBlank());
                    i++) {
                if (lines.get(i).startsWith("# expect ")) {
                    expected = Integer.parseInt(
                            lines.get(i).substring("# expect ".length()).trim());
                }
            }
            if (i >= lines.size() || lines.get(i).startsWith("@")) {
                continue; // a section heading, or the file's variables
            }
            String[] requestLine = lines.get(i++).split(" ", 2);
            List<String> headers = new ArrayList<>();
            for (; i < lines.size() && !lines.get(i).isBlank(); i++) {
                String[] header = lines.get(i).split(":\\s*", 2);
                String value = header[1];
                if (header[0].equals("Authorization") && value.startsWith("Basic ")) {
                    String[] user = value.substring(6).trim().split(" ");
                    value = "Basic "
                            + Base64.getEncoder()
                                    .encodeToString((user[0] + ":" + user[1]).getBytes(StandardCharsets.UTF_8));
                }
                headers.add(header[0]);
                headers.add(value);
            }
            String body = String.join("\n", lines.subList(Math.min(i, lines.size()), lines.size()))
                    .trim();
            assertThat(expected).as("the # expect line of '%s'", title).isNotNull();
            requests.add(new Request(
                    title, requestLine[0], requestLine[1].replace("{{base}}", ""), headers, body, expected));
        }
        return requests;
    }
}

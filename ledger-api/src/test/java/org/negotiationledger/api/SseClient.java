package org.negotiationledger.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A Server-Sent Events client for tests: opens a stream over real HTTP and collects its events (and heartbeat
 * comments) on a thread of its own, for the test to poll.
 */
public final class SseClient implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient CLIENT = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    /** One event as the wire carried it, and when it arrived ({@link System#nanoTime()}). */
    public record Event(String id, String name, String data, long receivedNanos) {
        public JsonNode json() {
            try {
                return JSON.readTree(data);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private final List<Event> events = new CopyOnWriteArrayList<>();
    private final List<String> comments = new CopyOnWriteArrayList<>();
    /** What the stream sent that docs/openapi.json does not describe: checked whenever the events are read. */
    private final List<String> nonconforming = new CopyOnWriteArrayList<>();

    private final HttpResponse<InputStream> response;
    /** The server ended the answer (not this client closing it). */
    private volatile boolean ended;

    private final String path;
    private final Thread reader;

    private SseClient(HttpResponse<InputStream> response, String path) {
        this.response = response;
        this.path = path;
        this.reader = new Thread(this::read, "sse-client");
        reader.setDaemon(true);
        reader.start();
    }

    /** Opens {@code path} on the server at {@code port}, with these headers (name, value, ...). */
    public static SseClient open(int port, String path, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Accept", "text/event-stream");
        boolean signedIn = false;
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
            signedIn |= headers[i].equalsIgnoreCase("Authorization");
        }
        if (!signedIn) {
            request.header("Authorization", TestUsers.basic(TestUsers.VIEWER));
        }
        try {
            HttpResponse<InputStream> response =
                    CLIENT.send(request.GET().build(), HttpResponse.BodyHandlers.ofInputStream());
            return new SseClient(response, path);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public int status() {
        return response.statusCode();
    }

    public String contentType() {
        return response.headers().firstValue("Content-Type").orElse("");
    }

    public List<Event> events() {
        assertConforming();
        return List.copyOf(events);
    }

    public List<Event> events(String name) {
        assertConforming();
        return events.stream().filter(e -> name.equals(e.name())).toList();
    }

    public List<String> comments() {
        return List.copyOf(comments);
    }

    /** Whether the server has ended the stream, everything it sent read. */
    public boolean ended() {
        return ended;
    }

    /** The id of the last event received, as a browser would send it back in Last-Event-ID. */
    public String lastEventId() {
        return events.isEmpty() ? null : events.get(events.size() - 1).id();
    }

    private void assertConforming() {
        assertThat(nonconforming)
                .as("the stream's answer conforms to docs/openapi.json")
                .isEmpty();
    }

    private void read() {
        String operation = path.replaceFirst("[?#].*", "");
        if (status() != 200) {
            try (InputStream in = response.body()) {
                nonconforming.addAll(ApiContract.get()
                        .problems(
                                "GET",
                                path,
                                status(),
                                contentType(),
                                new String(in.readAllBytes(), StandardCharsets.UTF_8)));
            } catch (IOException e) {
                // closed
            }
            return;
        }
        try (BufferedReader in = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
            String id = null;
            String name = null;
            List<String> data = new ArrayList<>();
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                if (line.isEmpty()) {
                    if (!data.isEmpty()) {
                        nonconforming.addAll(ApiContract.get()
                                .eventProblems(operation, name == null ? "message" : name, String.join("\n", data)));
                        events.add(new Event(
                                id, name == null ? "message" : name, String.join("\n", data), System.nanoTime()));
                    }
                    id = null;
                    name = null;
                    data.clear();
                } else if (line.startsWith(":")) {
                    comments.add(line.substring(1));
                } else if (line.startsWith("id:")) {
                    id = line.substring(3).strip();
                } else if (line.startsWith("event:")) {
                    name = line.substring(6).strip();
                } else if (line.startsWith("data:")) {
                    data.add(line.substring(5).stripLeading());
                }
            }
            ended = true;
        } catch (IOException e) {
            // closed
        }
    }

    /** Closes the stream; fails if anything it sent is not what the API description says. */
    @Override
    public void close() {
        try {
            response.body().close();
        } catch (IOException e) {
            // already closed
        }
        reader.interrupt();
        assertConforming();
    }
}

package org.negotiationledger.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;

/**
 * A plain HTTP client for tests: real requests to a running server, answers as JSON. Every answer is held to
 * the committed API description ({@link ApiContract}): one it does not describe fails the test.
 */
public final class Http {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient client =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String base;
    private final String authorization;
    private final boolean checkLocations;
    private final Duration timeout;

    /** A client signed in as {@link TestUsers#TESTER}, who holds every role. */
    public Http(int port) {
        this(port, TestUsers.basic(TestUsers.TESTER), true, Duration.ofSeconds(30));
    }

    private Http(int port, String authorization, boolean checkLocations, Duration timeout) {
        this.base = "http://127.0.0.1:" + port;
        this.authorization = authorization;
        this.checkLocations = checkLocations;
        this.timeout = timeout;
    }

    /** The same client waiting this long for an answer: for requests whose work grows with what they carry. */
    public Http withTimeout(Duration timeout) {
        return new Http(port(), authorization, checkLocations, timeout);
    }

    /** The same server, signed in as another test user. */
    public Http as(String user) {
        return new Http(port(), TestUsers.basic(user), checkLocations, timeout);
    }

    /** The same server with these credentials (an Authorization header value), or none when null. */
    public Http withAuthorization(String value) {
        return new Http(port(), value, checkLocations, timeout);
    }

    /**
     * The same client without the check that every {@code 201}'s {@code Location} answers {@code GET}: for
     * tests that stop the views on purpose, where nothing can be read.
     */
    public Http withoutLocationCheck() {
        return new Http(port(), authorization, false, timeout);
    }

    private int port() {
        return Integer.parseInt(base.substring(base.lastIndexOf(':') + 1));
    }

    /** An answer: status, content type, Location, body as text and (when it is JSON) parsed. */
    public record Response(
            int status, String contentType, String location, String text, java.net.http.HttpHeaders headers) {

        /** A response header's first value, or null. */
        public String header(String name) {
            return headers.firstValue(name).orElse(null);
        }

        public JsonNode json() {
            try {
                return JSON.readTree(text);
            } catch (IOException e) {
                throw new UncheckedIOException("not JSON: " + text, e);
            }
        }

        @Override
        public String toString() {
            return status + " " + text;
        }
    }

    public Response post(String path, String body, String... headers) {
        return post(path, HttpRequest.BodyPublishers.ofString(body), headers);
    }

    /** A POST with a body of raw bytes (broken UTF-8, say). */
    public Response post(String path, byte[] body, String... headers) {
        return post(path, HttpRequest.BodyPublishers.ofByteArray(body), headers);
    }

    private Response post(String path, HttpRequest.BodyPublisher body, String... headers) {
        HttpRequest.Builder request =
                HttpRequest.newBuilder(URI.create(base + path)).POST(body);
        boolean contentType = false;
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
            contentType |= headers[i].equalsIgnoreCase("Content-Type");
        }
        if (!contentType) {
            request.header("Content-Type", "application/json");
        }
        return send(request);
    }

    public Response get(String path, String... headers) {
        HttpRequest.Builder request =
                HttpRequest.newBuilder(URI.create(base + path)).GET();
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return send(request);
    }

    public Response options(String path, String... headers) {
        HttpRequest.Builder request =
                HttpRequest.newBuilder(URI.create(base + path)).method("OPTIONS", HttpRequest.BodyPublishers.noBody());
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return send(request);
    }

    private Response send(HttpRequest.Builder request) {
        Response response = exchange(request);
        if (checkLocations && response.status() == 201) {
            assertLocationAnswers(response);
        }
        return response;
    }

    /**
     * Every {@code Location} the ledger sends must answer {@code GET} with {@code 200}: polled, since the views
     * that answer it are folded asynchronously, a few milliseconds after the command commits.
     */
    private void assertLocationAnswers(Response created) {
        assertThat(created.location()).as("Location of %s", created).isNotNull().startsWith("/api/v1/");
        AtomicReference<Response> last = new AtomicReference<>();
        try {
            Awaitility.await()
                    .atMost(Duration.ofSeconds(20))
                    .pollDelay(Duration.ZERO)
                    .pollInterval(Duration.ofMillis(10))
                    .until(() -> {
                        last.set(exchange(HttpRequest.newBuilder(URI.create(base + created.location()))
                                .GET()));
                        return last.get().status() != 404;
                    });
        } catch (ConditionTimeoutException e) {
            // Reported below with the last answer.
        }
        assertThat(last.get().status())
                .as("GET %s (the Location of a 201) answered %s", created.location(), last.get())
                .isEqualTo(200);
    }

    private Response exchange(HttpRequest.Builder request) {
        if (authorization != null
                && request.build().headers().firstValue("Authorization").isEmpty()) {
            request.header("Authorization", authorization);
        }
        try {
            HttpRequest sent = request.timeout(timeout).build();
            HttpResponse<String> response = client.send(sent, HttpResponse.BodyHandlers.ofString());
            assertThat(ApiContract.get()
                            .problems(
                                    sent.method(),
                                    sent.uri().getRawPath()
                                            + (sent.uri().getRawQuery() == null
                                                    ? ""
                                                    : "?" + sent.uri().getRawQuery()),
                                    response.statusCode(),
                                    response.headers()
                                            .firstValue("Content-Type")
                                            .orElse(null),
                                    response.body()))
                    .as("the answer conforms to docs/openapi.json")
                    .isEmpty();
            return new Response(
                    response.statusCode(),
                    response.headers().firstValue("Content-Type").orElse(""),
                    response.headers().firstValue("Location").orElse(null),
                    response.body(),
                    response.headers());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}

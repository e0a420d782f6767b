package org.negotiationledger.api.problem;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.negotiationledger.api.ApiTest;
import org.negotiationledger.api.TestUsers;

/**
 * Every error answer, whichever layer gives it (Tomcat before the application, Spring Security, Spring MVC,
 * the ledger), is problem details with the security headers, and none is a 5xx. Requests are written byte for
 * byte on a socket, since an HTTP client library refuses to send most of them.
 */
class ErrorAnswersTest extends ApiTest {

    private record Answer(int status, Map<String, String> headers, String body) {

        String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }
    }

    @Test
    void tomcatsOwnRefusalsAreProblemDetails() throws IOException {
        String signedIn = "Authorization: " + TestUsers.basic(TestUsers.TESTER) + "\r\n";
        Map<String, String> requests = new LinkedHashMap<>();
        for (String path : new String[] {
            "/api/v1/commitments/a%2Fb",
            "/api/v1/commitments/a%5Cb",
            "/api/v1/commitments/a%00b",
            "/api/v1/commitments/a%C0%AFb",
            "/api/v1/commitments?a[]=1",
            "/api/v1/commitments?x=" + "a".repeat(9000)
        }) {
            requests.put(
                    "GET " + path.substring(0, Math.min(60, path.length())),
                    "GET " + path + " HTTP/1.1\r\nHost: x\r\n" + signedIn + "Connection: close\r\n\r\n");
        }
        requests.put(
                "a 20 KB header",
                "GET /api/v1/commitments HTTP/1.1\r\nHost: x\r\n" + signedIn + "X-Big: " + "a".repeat(20_000)
                        + "\r\nConnection: close\r\n\r\n");
        requests.put(
                "101 headers",
                "GET /api/v1/commitments HTTP/1.1\r\nHost: x\r\n" + signedIn + "X-Many: a\r\n".repeat(101)
                        + "Connection: close\r\n\r\n");
        requests.put(
                "CONNECT",
                "CONNECT localhost:443 HTTP/1.1\r\nHost: localhost:443\r\n" + signedIn + "Connection: close\r\n\r\n");
        for (Map.Entry<String, String> request : requests.entrySet()) {
            assertProblem(request.getKey(), send(request.getValue().getBytes(StandardCharsets.ISO_8859_1)));
        }
    }

    @Test
    void springsAndTheLedgersRefusalsAreProblemDetails() throws IOException {
        String signedIn = "Authorization: " + TestUsers.basic(TestUsers.TESTER) + "\r\n";
        Map<String, byte[]> requests = new LinkedHashMap<>();
        requests.put(
                "DELETE (405)",
                ("DELETE /api/v1/commitments HTTP/1.1\r\nHost: x\r\n" + signedIn + "Connection: close\r\n\r\n")
                        .getBytes(StandardCharsets.ISO_8859_1));
        requests.put(
                "PUT (405)",
                ("PUT /api/v1/actors HTTP/1.1\r\nHost: x\r\n" + signedIn
                                + "Content-Type: application/json\r\nContent-Length: 2\r\nConnection: close\r\n\r\n{}")
                        .getBytes(StandardCharsets.ISO_8859_1));
        requests.put(
                "GET /error",
                ("GET /error HTTP/1.1\r\nHost: x\r\n" + signedIn + "Connection: close\r\n\r\n")
                        .getBytes(StandardCharsets.ISO_8859_1));
        requests.put(
                "GET /error unsigned",
                "GET /error HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
        byte[] body = "{\"name\": \"X\", \"kind\": \"STATE\"}".getBytes(StandardCharsets.UTF_8);
        for (String key : new String[] {"\u00d0\u00ba", "\u00ff\u00fe", "a\u0085"}) {
            requests.put(
                    "Idempotency-Key " + key,
                    concat(
                            ("POST /api/v1/actors HTTP/1.1\r\nHost: x\r\n" + signedIn
                                            + "Content-Type: application/json\r\nIdempotency-Key: " + key
                                            + "\r\nContent-Length: " + body.length
                                            + "\r\nConnection: close\r\n\r\n")
                                    .getBytes(StandardCharsets.ISO_8859_1),
                            body));
        }
        for (String id : new String[] {"\u00d0\u00ba", "12\u00ff", "-1"}) {
            requests.put(
                    "Last-Event-ID " + id,
                    ("GET /api/v1/stream/commitments HTTP/1.1\r\nHost: x\r\n" + signedIn + "Last-Event-ID: " + id
                                    + "\r\nConnection: close\r\n\r\n")
                            .getBytes(StandardCharsets.ISO_8859_1));
        }
        long before = eventCount();
        for (Map.Entry<String, byte[]> request : requests.entrySet()) {
            assertProblem(request.getKey(), send(request.getValue()));
        }
        assertThat(eventCount()).isEqualTo(before);
    }

    @Test
    void numericParametersAreBounded() throws IOException {
        for (String query : new String[] {
            "withinHours=1e12",
            "withinHours=1e15",
            "withinHours=-1",
            "withinHours=NaN",
            "withinHours=Infinity",
            "withinHours=1&kind=BOGUS",
            "withinHours=1&negotiationId=A%20B"
        }) {
            assertThat(http.get("/api/v1/commitments/broken?" + query).status())
                    .as(query)
                    .isEqualTo(400);
        }
        for (String query : new String[] {
            "kind=BOGUS",
            "status=ENDED%20",
            "status=%20ENDED",
            "status=ended",
            "validAt=9999-01-01T00:00Z",
            "validAt=1800-01-01T00:00Z"
        }) {
            assertThat(http.get("/api/v1/commitments?" + query).status())
                    .as(query)
                    .isEqualTo(400);
        }
        assertThat(http.get("/api/v1/statements?kind=BOGUS").status()).isEqualTo(400);
        assertThat(http.get("/api/v1/audit/events?fromIndex=-1").status()).isEqualTo(400);
        assertThat(http.get("/api/v1/audit/events?limit=100000").status()).isEqualTo(400);
    }

    private void assertProblem(String what, Answer answer) {
        assertThat(answer.status()).as("%s: %s", what, answer).isBetween(400, 499);
        assertThat(answer.header("Content-Type")).as("%s: %s", what, answer).startsWith("application/problem+json");
        assertThat(answer.body()).as(what).contains("\"type\":\"urn:problem:negotiation-ledger:");
        assertThat(answer.header("X-Content-Type-Options"))
                .as("%s: security headers", what)
                .isEqualTo("nosniff");
        assertThat(answer.header("Content-Security-Policy"))
                .as("%s: security headers", what)
                .isNotNull();
    }

    private Answer send(byte[] request) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(request);
            out.flush();
            ByteArrayOutputStream all = new ByteArrayOutputStream();
            InputStream in = socket.getInputStream();
            byte[] buffer = new byte[8192];
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            for (int n; (n = in.read(buffer)) > 0; ) {
                all.write(buffer, 0, n);
                // An answer that does not end (a stream opened where a refusal was due) fails, not hangs.
                assertThat(System.nanoTime())
                        .as("the answer has not ended: %s", all)
                        .isLessThan(deadline);
            }
            String text = all.toString(StandardCharsets.UTF_8);
            int end = text.indexOf("\r\n\r\n");
            String[] lines = text.substring(0, end).split("\r\n");
            Map<String, String> headers = new LinkedHashMap<>();
            for (int i = 1; i < lines.length; i++) {
                int colon = lines[i].indexOf(':');
                headers.putIfAbsent(
                        lines[i].substring(0, colon).strip().toLowerCase(Locale.ROOT),
                        lines[i].substring(colon + 1).strip());
            }
            return new Answer(Integer.parseInt(lines[0].split(" ")[1]), headers, text.substring(end + 4));
        }
    }

    private static byte[] concat(byte[] head, byte[] body) {
        byte[] all = new byte[head.length + body.length];
        System.arraycopy(head, 0, all, 0, head.length);
        System.arraycopy(body, 0, all, head.length, body.length);
        return all;
    }
}

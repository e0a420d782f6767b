package org.negotiationledger.api.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.negotiationledger.api.LedgerInstance;
import org.negotiationledger.api.TestUsers;

/**
 * Failed sign-ins slow down the address that made them, over real HTTP from several client addresses: Linux
 * routes all of 127/8 to the loopback device, so a socket bound to 127.0.0.2 reaches the server as another
 * client than one bound to 127.0.0.3. The rules themselves, with a clock the test moves, are
 * {@link FailedSignInsTest}'s. One server for the class, at the documented limits; each test has addresses
 * and user names of its own, so that none depends on another.
 */
class SignInThrottleTest {

    private static LedgerInstance ledger;

    @BeforeAll
    static void start() {
        ledger = LedgerInstance.fresh(
                "ledger-throttle",
                Map.of(
                        "ledger.security.sign-ins.max-failures-per-address-and-user", "5",
                        "ledger.security.sign-ins.max-failures-per-address", "50",
                        "ledger.security.sign-ins.max-failures-per-user", "10",
                        "ledger.security.sign-ins.window", "PT5M"));
    }

    @AfterAll
    static void stop() {
        ledger.close();
    }

    @Test
    void wrongPasswordsFromOneAddressNeverKeepTheRightPasswordFromAnotherOut() throws IOException {
        for (int i = 0; i < 12; i++) {
            // The first five are checked (401); the rest wait (429), unchecked.
            assertThat(get("127.0.0.2", "mediator", "wrong-" + i).status()).isEqualTo(i < 5 ? 401 : 429);
        }
        assertThat(get("127.0.0.3", "mediator", "mediator").status()).isEqualTo(200);

        // The address that failed waits, right password or not: a guess made now tells nothing.
        Answer waiting = get("127.0.0.2", "mediator", "mediator");
        assertThat(waiting.status()).isEqualTo(429);
        assertThat(waiting.header("content-type")).startsWith("application/problem+json");
        assertThat(waiting.body()).contains("urn:problem:negotiation-ledger:too-many-sign-ins");
        assertThat(Long.parseLong(waiting.header("retry-after"))).isBetween(1L, 300L);
        assertThat(waiting.header("x-content-type-options")).isEqualTo("nosniff");
        // Another user from the waiting address is checked: the address has not failed for that name.
        assertThat(get("127.0.0.2", TestUsers.AUDITOR, TestUsers.password(TestUsers.AUDITOR))
                        .status())
                .isEqualTo(200);
    }

    @Test
    void anAddressThatFailsTooOftenWaitsForEveryName() throws IOException {
        // Refused bearer tokens count against their address too, and cost no password check to send.
        for (int i = 0; i < 50; i++) {
            assertThat(send("127.0.0.4", "Authorization: Bearer guess-" + i).status())
                    .isEqualTo(401);
        }
        Answer waiting = get("127.0.0.4", TestUsers.VIEWER, TestUsers.password(TestUsers.VIEWER));
        assertThat(waiting.status()).isEqualTo(429);
        assertThat(waiting.header("retry-after")).isNotNull();
        assertThat(get("127.0.0.5", TestUsers.VIEWER, TestUsers.password(TestUsers.VIEWER))
                        .status())
                .isEqualTo(200);
    }

    @Test
    void aClientCannotChooseTheAddressCountedByAForwardedHeader() throws IOException {
        // No proxy is configured (server.forward-headers-strategy is unset), so the headers are not believed.
        for (int i = 0; i < 5; i++) {
            assertThat(get(
                                    "127.0.0.6",
                                    TestUsers.MEDIATOR,
                                    "wrong",
                                    "X-Forwarded-For: 10.0.0." + i,
                                    "Forwarded: for=10.0.1." + i)
                            .status())
                    .isEqualTo(401);
        }
        assertThat(get(
                                "127.0.0.6",
                                TestUsers.MEDIATOR,
                                TestUsers.password(TestUsers.MEDIATOR),
                                "X-Forwarded-For: 10.0.0.9")
                        .status())
                .isEqualTo(429);
    }

    /** An answer read off the socket: the status, headers by lower-case name, the body as text. */
    private record Answer(int status, Map<String, String> headers, String body) {
        String header(String name) {
            return headers.get(name);
        }
    }

    /**
     * {@code GET /api/v1/commitments} signed in with HTTP Basic, from a socket bound to {@code from}.
     */
    private static Answer get(String from, String user, String password, String... headers) throws IOException {
        String[] all = java.util.Arrays.copyOf(headers, headers.length + 1);
        all[headers.length] = "Authorization: Basic "
                + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
        return send(from, all);
    }

    /**
     * {@code GET /api/v1/commitments} with these header lines, from a socket bound to {@code from}. HTTP/1.0, so
     * that the body is not chunked and the server closes the connection at its end.
     */
    private static Answer send(String from, String... headers) throws IOException {
        try (Socket socket = new Socket()) {
            socket.bind(new InetSocketAddress(from, 0));
            socket.connect(new InetSocketAddress("127.0.0.1", ledger.port()), 5_000);
            socket.setSoTimeout(10_000);
            StringBuilder request = new StringBuilder("GET /api/v1/commitments HTTP/1.0\r\nHost: 127.0.0.1\r\n");
            for (String header : headers) {
                request.append(header).append("\r\n");
            }
            OutputStream out = socket.getOutputStream();
            out.write(request.append("\r\n").toString().getBytes(StandardCharsets.UTF_8));
            out.flush();
            InputStream in = socket.getInputStream();
            String answer = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            int end = answer.indexOf("\r\n\r\n");
            String[] head = answer.substring(0, end).split("\r\n");
            Matcher status = Pattern.compile("HTTP/1\\.[01] (\\d{3}).*").matcher(head[0]);
            assertThat(status.matches()).as(head[0]).isTrue();
            Map<String, String> fields = new java.util.HashMap<>();
            for (int i = 1; i < head.length; i++) {
                int colon = head[i].indexOf(':');
                fields.putIfAbsent(
                        head[i].substring(0, colon).toLowerCase(Locale.ROOT),
                        head[i].substring(colon + 1).strip());
            }
            return new Answer(Integer.parseInt(status.group(1)), fields, answer.substring(end + 4));
        }
    }
}

package org.negotiationledger.api.stream;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.negotiationledger.api.LedgerInstance;
import org.negotiationledger.api.TestUsers;

/** A stream whose client has gone frees its slot for the next client at once, not at the next heartbeat. */
class StreamSlotsTest {

    @Test
    void aClientThatReconnectsAtOnceAtTheLimitGetsTheSlotItsClosedStreamHeld() throws IOException {
        try (LedgerInstance ledger = LedgerInstance.fresh(
                "ledger-stream-slots",
                Map.of("ledger.streams.max-subscribers", "2", "ledger.streams.heartbeat", "PT1H"))) {
            try (Stream first = Stream.open(ledger.port());
                    Stream second = Stream.open(ledger.port())) {
                assertThat(first.status()).isEqualTo(200);
                assertThat(second.status()).isEqualTo(200);
                try (Stream third = Stream.open(ledger.port())) {
                    assertThat(third.status())
                            .as("a third stream over the limit of two")
                            .isEqualTo(503);
                    assertThat(third.headers().get("retry-after"))
                            .as("when to come back")
                            .matches("[1-9][0-9]*");
                    assertThat(third.headers().get("content-type")).startsWith("application/problem+json");
                }
                first.close();
                try (Stream again = Stream.open(ledger.port())) {
                    assertThat(again.status())
                            .as("a stream opened right after one was closed")
                            .isEqualTo(200);
                }
            }
        }
    }

    /** A stream on a socket of its own, which closing closes; its answer's headers by lower-case name. */
    private record Stream(Socket socket, int status, Map<String, String> headers) implements AutoCloseable {

        static Stream open(int port) throws IOException {
            Socket socket = new Socket("127.0.0.1", port);
            socket.setSoTimeout(10_000);
            socket.getOutputStream()
                    .write(("GET /api/v1/stream/commitments HTTP/1.1\r\nHost: x\r\nAccept: text/event-stream\r\n"
                                    + "Authorization: " + TestUsers.basic(TestUsers.VIEWER) + "\r\n\r\n")
                            .getBytes(StandardCharsets.ISO_8859_1));
            BufferedReader in =
                    new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
            int status = Integer.parseInt(in.readLine().split(" ")[1]);
            Map<String, String> headers = new HashMap<>();
            for (String line = in.readLine(); line != null && !line.isEmpty(); line = in.readLine()) {
                int colon = line.indexOf(':');
                headers.put(
                        line.substring(0, colon).trim().toLowerCase(Locale.ROOT),
                        line.substring(colon + 1).trim());
            }
            return new Stream(socket, status, headers);
        }

        @Override
        public void close() throws IOException {
            socket.close();
        }
    }
}

package org.negotiationledger.api.stream;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code ledger.streams.*}: the Server-Sent Events streams of this server.
 *
 * @param pollInterval   how often the views are asked for changes when nothing woke the streams (a safety net:
 *                       the views' commits wake them, across servers by PostgreSQL's NOTIFY)
 * @param heartbeat      a comment is sent to a quiet stream this often, so proxies keep it open
 * @param timeout        a stream is closed after this long; the client reconnects and resumes
 * @param maxSubscribers streams this server accepts; above it a new one is answered 503 with Retry-After
 * @param senderThreads  threads that write to the streams
 */
@ConfigurationProperties("ledger.streams")
public record StreamProperties(
        @DefaultValue("PT1S") Duration pollInterval,
        @DefaultValue("PT10S") Duration heartbeat,
        @DefaultValue("PT30M") Duration timeout,
        @DefaultValue("1000") int maxSubscribers,
        @DefaultValue("16") int senderThreads) {

    public StreamProperties {
        if (maxSubscribers < 1 || senderThreads < 1) {
            throw new IllegalArgumentException("ledger.streams.max-subscribers and sender-threads must be 1 or more");
        }
    }
}

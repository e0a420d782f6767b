package org.negotiationledger.api.stream;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;
import org.springframework.stereotype.Component;

/**
 * Reads shared by the streams at the same place. The streams woken by one change are mostly at the same place
 * (the same cursor and negotiation): one read of what changed serves them all, where each reading it (and each
 * commitment's reports with it) made a change to 200 subscribers cost 200 reads. Keyed by the views' head as
 * last polled, which every change moves before it wakes anyone, so a stream is never served a read older than
 * the change that woke it.
 */
@Component
class SharedReads {

    /** A read shared by the streams at the same place when the views were at {@code head}. */
    private record Key(List<Object> read, long head) {}

    private final StreamPoller poller;
    private final Cache<Key, Object> reads = Caffeine.newBuilder()
            .expireAfterWrite(Duration.ofSeconds(10))
            .maximumWeight(100_000)
            .weigher((Key read, Object result) -> result instanceof List<?> list ? list.size() + 1 : 1)
            .build();

    SharedReads(StreamPoller poller) {
        this.poller = poller;
    }

    /** See {@link StreamContext#shared}. */
    @SuppressWarnings("unchecked")
    <T> T get(Topic topic, List<Object> read, Supplier<T> fetch) {
        long head = poller.position(topic);
        if (head < 0) {
            // Not polled yet: there is no head to key the read by, so each stream reads for itself.
            return fetch.get();
        }
        return (T) reads.get(new Key(read, head), key -> fetch.get());
    }
}

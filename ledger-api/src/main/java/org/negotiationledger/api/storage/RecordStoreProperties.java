package org.negotiationledger.api.storage;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code ledger.records.*}: how the write model keeps a command's cost independent of its record's history.
 *
 * @param snapshotEvery  a snapshot of a record is taken after this many events since its last one; loading a
 *                       record then reads its snapshot and at most this many events. 0 takes none.
 * @param cacheSize      how many records of each kind stay loaded between commands (a record with thousands of
 *                       reports holds a few megabytes)
 * @param cacheIdle      a record not written to for this long leaves the cache
 */
@ConfigurationProperties("ledger.records")
public record RecordStoreProperties(
        @DefaultValue("100") int snapshotEvery,
        @DefaultValue("1000") long cacheSize,
        @DefaultValue("PT10M") Duration cacheIdle) {

    public RecordStoreProperties {
        if (snapshotEvery < 0 || cacheSize < 0) {
            throw new IllegalArgumentException("ledger.records.snapshot-every and cache-size must be 0 or more");
        }
    }
}

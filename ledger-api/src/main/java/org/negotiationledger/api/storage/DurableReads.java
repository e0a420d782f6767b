package org.negotiationledger.api.storage;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Makes what a request has read durable before the answer reports it.
 *
 * <p>On the embedded H2 (MVStore) a commit is visible to other sessions a moment before the committing thread
 * has written it: the transaction is marked committed in memory, then the store is written. An answer built in
 * that moment (an import's progress, a replayed {@code 201}, an audit export, a view pushed to a dashboard)
 * would report as recorded what a {@code kill -9} could still take away. H2's {@code CHECKPOINT} waits for a
 * store in progress and writes whatever is still unsaved, so called after the read and before the answer it
 * closes that gap; with nothing unsaved it costs a few microseconds. PostgreSQL makes a commit visible only
 * after its WAL record is flushed, so there it does nothing.
 */
@Component
public class DurableReads {

    private final JdbcTemplate jdbc;
    private final boolean visibleBeforeDurable;
    /** When the last completed checkpoint began: every commit visible before then is on disk. */
    private volatile long coveredSince = System.nanoTime() - Long.MAX_VALUE / 2;

    public DurableReads(DataSource dataSource) {
        this.jdbc = new JdbcTemplate(dataSource);
        this.visibleBeforeDurable = isH2(dataSource);
    }

    /**
     * Returns once every commit this thread could have read so far is on disk. Concurrent readers share one
     * checkpoint: one that began after a reader's read covers it, so a burst of reads (a stream's subscribers
     * woken at once) costs one store, not one each.
     */
    public void confirm() {
        if (!visibleBeforeDurable) {
            return;
        }
        long readBefore = System.nanoTime();
        if (coveredSince - readBefore >= 0) {
            return;
        }
        synchronized (this) {
            if (coveredSince - readBefore >= 0) {
                return;
            }
            long started = System.nanoTime();
            jdbc.execute("CHECKPOINT");
            coveredSince = started;
        }
    }

    /**
     * The stream a long answer is written through: whatever reaches {@code out} was read before it was
     * written, so confirming before each write to {@code out} covers it. Buffered, so that is once a buffer.
     */
    public OutputStream confirmingBeforeSending(OutputStream out) {
        if (!visibleBeforeDurable) {
            return out;
        }
        return new java.io.BufferedOutputStream(
                new FilterOutputStream(out) {
                    @Override
                    public void write(byte[] bytes, int offset, int length) throws IOException {
                        confirm();
                        out.write(bytes, offset, length);
                    }

                    @Override
                    public void write(int b) throws IOException {
                        confirm();
                        out.write(b);
                    }
                },
                64 * 1024);
    }

    private static boolean isH2(DataSource dataSource) {
        try (Connection connection = dataSource.getConnection()) {
            return "H2".equals(connection.getMetaData().getDatabaseProductName());
        } catch (SQLException e) {
            throw new IllegalStateException("cannot tell which database the ledger runs on", e);
        }
    }
}

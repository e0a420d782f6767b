package org.negotiationledger.projections.tables;

import java.util.Collection;

/**
 * Which rows of a generation exist already: what a batch of {@link JdbcViewStore} must know to read a row or
 * not, and to replace a row it writes or add it. The live projection asks the database ({@link #DATABASE}):
 * earlier batches, other servers and redelivered events write the serving generation. A rebuild knows from
 * what it has written ({@link WrittenRows}): nothing else writes the generation it fills.
 */
abstract sealed class ExistingRows permits ExistingRows.InDatabase, WrittenRows {

    /** Any row may exist: each is read from the database, and each written replaces what may be there. */
    static final ExistingRows DATABASE = new InDatabase();

    /** Whether the row under {@code key} in {@code table} (a base name) may exist: if not, it is not read. */
    abstract boolean mayExist(String table, Object key);

    /** The commitment as last written, where that is known to be its row without reading it; else null. */
    abstract StoredCommitment lastWritten(String id);

    /** After a batch has written its rows: the keys of those it wrote to {@code table}. */
    abstract void wrote(String table, Collection<String> keys);

    /** After a batch has written its rows: the commitments it wrote. */
    abstract void wrote(Iterable<StoredCommitment> commitments);

    static final class InDatabase extends ExistingRows {

        private InDatabase() {}

        @Override
        boolean mayExist(String table, Object key) {
            return true;
        }

        @Override
        StoredCommitment lastWritten(String id) {
            return null;
        }

        @Override
        void wrote(String table, Collection<String> keys) {}

        /** Kept by the live projection only once the batch has committed ({@link JdbcViewStore#committedTo}). */
        @Override
        void wrote(Iterable<StoredCommitment> commitments) {}
    }
}

package org.negotiationledger.api.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A sparse H2 file, as a long-running or killed server leaves it, is rewritten before it is opened. */
class StartupCompactionTest {

    private static final int ROWS = 3_000;

    @TempDir
    Path directory;

    @Test
    void aFileMostlyFreeSpaceIsRewrittenWithEveryRowKept() throws Exception {
        String database = directory.resolve("ledger").toString();
        writeOneCommitPerRowAndDie(database);
        long before = Files.size(Path.of(database + ".mv.db"));

        assertThat(StartupCompaction.compactIfSparse(database, "sa", "", 1 << 20, 50))
                .isTrue();

        assertThat(Files.size(Path.of(database + ".mv.db"))).isLessThan(before / 4);
        assertThat(rows(database)).isEqualTo(ROWS);
    }

    @Test
    void aFileMostlyLiveDataOrSmallIsLeftAsItIs() throws Exception {
        String database = directory.resolve("ledger").toString();
        writeOneCommitPerRowAndDie(database);
        long sparse = Files.size(Path.of(database + ".mv.db"));
        assertThat(StartupCompaction.compactIfSparse(database, "sa", "", sparse + 1, 50))
                .as("below the size")
                .isFalse();
        assertThat(Files.size(Path.of(database + ".mv.db"))).isEqualTo(sparse);

        StartupCompaction.compactIfSparse(database, "sa", "", 1 << 20, 50);
        long compact = Files.size(Path.of(database + ".mv.db"));
        assertThat(StartupCompaction.compactIfSparse(database, "sa", "", 0, 50))
                .as("already compact")
                .isFalse();
        assertThat(rows(database)).isEqualTo(ROWS);
        assertThat(StartupCompaction.compactIfSparse(directory.resolve("none").toString(), "sa", "", 0, 50))
                .as("no file yet")
                .isFalse();
        assertThat(compact).isLessThan(sparse);
    }

    /** As the ledger writes: one durable commit a row; then a stop without the closing compaction. */
    private static void writeOneCommitPerRowAndDie(String database) throws Exception {
        try (Connection connection =
                DriverManager.getConnection("jdbc:h2:file:" + database + ";WRITE_DELAY=0", "sa", "")) {
            connection.createStatement().execute("CREATE TABLE event (id BIGINT PRIMARY KEY, payload VARCHAR(600))");
            PreparedStatement insert = connection.prepareStatement("INSERT INTO event VALUES (?, ?)");
            for (int n = 0; n < ROWS; n++) {
                insert.setLong(1, n);
                insert.setString(
                        2,
                        "report " + n + " "
                                + Long.toHexString(n * 0x9E3779B97F4A7C15L).repeat(25));
                insert.execute();
            }
            connection.createStatement().execute("SHUTDOWN IMMEDIATELY");
        }
    }

    private static long rows(String database) throws Exception {
        try (Connection connection = DriverManager.getConnection("jdbc:h2:file:" + database, "sa", "");
                ResultSet count = connection.createStatement().executeQuery("SELECT COUNT(*) FROM event")) {
            count.next();
            return count.getLong(1);
        }
    }
}

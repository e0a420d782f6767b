package org.negotiationledger.api.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * What a reader saw on H2 is on disk once {@link DurableReads#confirm()} returns. The disk as a {@code kill -9}
 * would leave it is a copy of the database file taken while the database is open. A long write delay holds a
 * commit in memory, visible but unwritten, as H2 does for a moment on every commit (and for the length of a
 * large batch's store).
 */
class DurableReadsTest {

    @TempDir
    Path directory;

    @Test
    void aCommitOthersCanSeeIsOnDiskAfterConfirm() throws Exception {
        SingleConnectionDataSource database = new SingleConnectionDataSource(
                "jdbc:h2:file:" + directory.resolve("ledger") + ";WRITE_DELAY=600000", "sa", "", true);
        try {
            JdbcTemplate jdbc = new JdbcTemplate(database);
            jdbc.execute("CREATE TABLE fact (id VARCHAR(20) PRIMARY KEY)");
            jdbc.execute("CHECKPOINT");
            jdbc.update("INSERT INTO fact VALUES ('seen')");
            assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM fact", Integer.class))
                    .isEqualTo(1);
            assertThat(factsOnDisk("before"))
                    .as("the premise: committed and read, not yet written")
                    .isZero();

            new DurableReads(database).confirm();

            assertThat(factsOnDisk("after")).isEqualTo(1);
        } finally {
            database.destroy();
        }
    }

    /** Opens a copy of the file as it is on disk now, as a restart after {@code kill -9} would. */
    private int factsOnDisk(String name) throws IOException, SQLException {
        Path copy = directory.resolve(name);
        Files.createDirectories(copy);
        Files.copy(directory.resolve("ledger.mv.db"), copy.resolve("ledger.mv.db"));
        try (Connection connection = DriverManager.getConnection("jdbc:h2:file:" + copy.resolve("ledger"), "sa", "")) {
            var rows = connection.createStatement().executeQuery("SELECT COUNT(*) FROM fact");
            rows.next();
            return rows.getInt(1);
        }
    }
}

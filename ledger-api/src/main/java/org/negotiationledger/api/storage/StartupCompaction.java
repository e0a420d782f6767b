package org.negotiationledger.api.storage;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.core.Ordered;
import org.springframework.core.env.Environment;
import org.springframework.util.unit.DataSize;

/**
 * Before anything opens the embedded H2 file: a file that is mostly free space is rewritten once.
 *
 * <p>While the server runs, H2 writes a chunk at every durable commit and leaves the holes of freed chunks in
 * the file (README, "Disk, on the embedded H2"); a clean shutdown compacts for at most 30 s, which a large
 * file outgrows, and a killed server does not compact at all. So at start, a file larger than
 * {@code ledger.h2.startup-compaction.min-file-size} (16 MB) that is less than
 * {@code ledger.h2.startup-compaction.max-fill} (50) percent live data is opened alone and closed with
 * {@code SHUTDOWN COMPACT}, which rewrites the live data only (about 30 s per 1,000,000 events, once).
 * {@code ledger.h2.startup-compaction.enabled=false} skips it. Registered in {@code META-INF/spring.factories},
 * so the server and the jar's offline commands alike see a compact file.
 */
public class StartupCompaction implements ApplicationListener<ApplicationEnvironmentPreparedEvent>, Ordered {

    private static final Logger log = LoggerFactory.getLogger(StartupCompaction.class);
    private static final String H2_FILE = "jdbc:h2:file:";

    @Override
    public void onApplicationEvent(ApplicationEnvironmentPreparedEvent event) {
        Environment environment = event.getEnvironment();
        String url = environment.getProperty("spring.datasource.url", "");
        if (!url.startsWith(H2_FILE)
                || !environment.getProperty("ledger.h2.startup-compaction.enabled", Boolean.class, true)) {
            return;
        }
        String database = url.substring(H2_FILE.length()).split(";", 2)[0];
        compactIfSparse(
                database,
                environment.getProperty("spring.datasource.username", "sa"),
                environment.getProperty("spring.datasource.password", ""),
                DataSize.parse(environment.getProperty("ledger.h2.startup-compaction.min-file-size", "16MB"))
                        .toBytes(),
                environment.getProperty("ledger.h2.startup-compaction.max-fill", Integer.class, 50));
    }

    /**
     * Rewrites the H2 database at {@code database} (its path without {@code .mv.db}) if its file is at least
     * {@code minFileSize} bytes and less than {@code maxFill} percent of it is live data.
     *
     * @return whether it was rewritten
     */
    public static boolean compactIfSparse(
            String database, String user, String password, long minFileSize, int maxFill) {
        Path file = Path.of(database + ".mv.db");
        try {
            if (!Files.isRegularFile(file) || Files.size(file) < minFileSize) {
                return false;
            }
            long before = Files.size(file);
            long started = System.nanoTime();
            try (Connection connection = DriverManager.getConnection(H2_FILE + database, user, password);
                    Statement statement = connection.createStatement()) {
                int fill = liveDataPercent(statement);
                if (fill >= maxFill) {
                    return false;
                }
                log.info(
                        "The H2 file {} is {} MB, {}% of it live data: rewriting it before the ledger opens it",
                        file, megabytes(before), fill);
                statement.execute("SHUTDOWN COMPACT");
            }
            log.info(
                    "Rewrote {} in {} s: {} MB, was {} MB",
                    file,
                    String.format("%.1f", (System.nanoTime() - started) / 1e9),
                    megabytes(Files.size(file)),
                    megabytes(before));
            return true;
        } catch (SQLException | java.io.IOException e) {
            // Opening it for the ledger will meet the same problem (a file held by a running server, a wrong
            // password) and say so in its own words; the compaction is only an optimisation.
            log.warn("Did not check the H2 file {} for compaction: {}", file, e.getMessage());
            return false;
        }
    }

    private static String megabytes(long bytes) {
        return String.format("%.1f", bytes / 1048576.0);
    }

    /**
     * The share of the file that is live data: the share of the file its chunks take ({@code FILL_RATE}; the
     * rest is holes) times the share of the chunks that is live ({@code CHUNKS_FILL_RATE}). A file of 1,000,000
     * events left by a long run: chunks 39 % live, the file 2.5 %.
     */
    private static int liveDataPercent(Statement statement) throws SQLException {
        int file = 100;
        int chunks = 100;
        try (ResultSet rows =
                statement.executeQuery("SELECT SETTING_NAME, SETTING_VALUE FROM INFORMATION_SCHEMA.SETTINGS "
                        + "WHERE SETTING_NAME IN ('info.FILL_RATE', 'info.CHUNKS_FILL_RATE')")) {
            while (rows.next()) {
                int percent = Integer.parseInt(rows.getString(2).trim());
                if (rows.getString(1).equals("info.FILL_RATE")) {
                    file = percent;
                } else {
                    chunks = percent;
                }
            }
        }
        return file * chunks / 100;
    }

    @Override
    public int getOrder() {
        // After Spring Boot has set up logging and read every property source.
        return Ordered.LOWEST_PRECEDENCE;
    }
}

package org.negotiationledger.api.stream;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import javax.sql.DataSource;
import org.negotiationledger.api.config.DaemonThreads;
import org.negotiationledger.projections.tables.ViewProjection;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.jdbc.DataSourceProperties;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * News that the views changed, for the streams, as soon as they commit. This node's own projection tells it
 * after each batch commits. On PostgreSQL each batch also sends {@code NOTIFY} in its transaction (so it is
 * delivered if and only if the views committed), and every node listens on a connection of its own, outside
 * the pool: a node whose subscribers are not where the views are written learns of a change in about a
 * millisecond, not at the next poll. H2 is embedded in one server, so its own projection's word is enough.
 */
@Component
class ViewChanges implements SmartLifecycle {

    static final String CHANNEL = "ledger_views";
    private static final Logger log = LoggerFactory.getLogger(ViewChanges.class);
    private static final Duration RETRY = Duration.ofSeconds(2);

    private final StreamPoller poller;
    private final DataSourceProperties database;
    private final boolean postgres;
    private volatile boolean running;
    private volatile Thread listener;
    private volatile Connection listening;

    ViewChanges(StreamPoller poller, ViewProjection projection, DataSource dataSource, DataSourceProperties database) {
        this.poller = poller;
        this.database = database;
        this.postgres = isPostgres(dataSource);
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        if (postgres) {
            projection.onCommitting(() -> jdbc.execute("NOTIFY " + CHANNEL));
        }
        projection.onCommitted(poller::pollSoon);
    }

    @Override
    public void start() {
        running = true;
        if (postgres) {
            listener = DaemonThreads.named("ledger-view-changes-").newThread(this::listen);
            listener.start();
        }
    }

    /** Listens until stopped; a lost connection is opened again (the poll covers the gap). */
    private void listen() {
        while (running) {
            try (Connection connection = DriverManager.getConnection(
                    database.determineUrl(), database.determineUsername(), database.determinePassword())) {
                listening = connection;
                try (Statement statement = connection.createStatement()) {
                    statement.execute("LISTEN " + CHANNEL);
                }
                poller.pollSoon(); // what changed while this node was not listening
                PGConnection notifications = connection.unwrap(PGConnection.class);
                while (running) {
                    PGNotification[] news = notifications.getNotifications(1000);
                    if (news != null && news.length > 0) {
                        poller.pollSoon();
                    }
                }
            } catch (SQLException e) {
                if (running) {
                    log.warn(
                            "not listening for view changes ({}); the streams poll meanwhile; again in {}",
                            e.toString(),
                            RETRY);
                    sleep();
                }
            }
        }
    }

    private void sleep() {
        try {
            Thread.sleep(RETRY.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }

    @Override
    public void stop() {
        running = false;
        Connection connection = listening;
        if (connection != null) {
            try {
                connection.close();
            } catch (SQLException ignored) {
                // closing to end the wait: nothing else to do with it
            }
        }
        Thread thread = listener;
        if (thread != null) {
            thread.interrupt();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    private static boolean isPostgres(DataSource dataSource) {
        try (Connection connection = dataSource.getConnection()) {
            return "PostgreSQL".equals(connection.getMetaData().getDatabaseProductName());
        } catch (SQLException e) {
            throw new IllegalStateException("cannot tell which database the ledger runs on", e);
        }
    }
}

package org.negotiationledger.api;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The machine's PostgreSQL for tests ({@code LEDGER_TEST_PG_URL}, default
 * {@code jdbc:postgresql://127.0.0.1:5432/test}, user {@code postgres}, no password): whether it answers, and
 * a fresh schema per ledger, dropped by {@link #dropAll()}.
 */
public final class PostgresSchemas {

    public static final String URL = env("LEDGER_TEST_PG_URL", "jdbc:postgresql://127.0.0.1:5432/test");
    public static final String USER = env("LEDGER_TEST_PG_USER", "postgres");
    public static final String PASSWORD = env("LEDGER_TEST_PG_PASSWORD", "");
    private static final List<String> SCHEMAS = new ArrayList<>();

    private PostgresSchemas() {}

    /** Null when PostgreSQL answers; otherwise why not. */
    public static String unavailable() {
        return unavailable(URL);
    }

    static String unavailable(String url) {
        DriverManager.setLoginTimeout(3);
        try (Connection ignored = DriverManager.getConnection(url, USER, PASSWORD)) {
            return null;
        } catch (SQLException e) {
            return "PostgreSQL does not answer at " + url + " (" + e.getMessage() + ")";
        }
    }

    /** Skips the calling tests, saying why, where no PostgreSQL answers; fails them under CI ({@link Prerequisites}). */
    public static void assumeAvailable(String tests) {
        String unavailable = unavailable();
        if (unavailable != null) {
            Prerequisites.missing(unavailable + ": the " + tests + " are skipped. Set LEDGER_TEST_PG_URL to run them.");
        }
    }

    /** The properties of a ledger on the {@code postgres} profile in a new schema of its own. */
    public static Map<String, String> newSchema() {
        String schema =
                "ledger_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        synchronized (SCHEMAS) {
            SCHEMAS.add(schema);
        }
        // A deployment profile refuses the demo users' passwords: the tests remove those users, as a deployment would.
        return Map.of(
                "spring.datasource.url",
                URL + (URL.contains("?") ? "&" : "?") + "currentSchema=" + schema,
                "spring.datasource.username",
                USER,
                "spring.datasource.password",
                PASSWORD,
                "spring.flyway.schemas",
                schema,
                "ledger.security.users.mediator.password",
                "",
                "ledger.security.users.auditor.password",
                "",
                "ledger.security.users.viewer.password",
                "");
    }

    public static void dropAll() throws SQLException {
        try (Connection connection = DriverManager.getConnection(URL, USER, PASSWORD)) {
            synchronized (SCHEMAS) {
                for (String schema : SCHEMAS) {
                    connection.createStatement().execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
                }
                SCHEMAS.clear();
            }
        }
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}

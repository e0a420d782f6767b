package org.negotiationledger.api;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Where a test's server keeps its data: an H2 file in a fresh directory, or a fresh schema on the machine's
 * PostgreSQL ({@link PostgresSchemas}, profile {@code postgres}). Several servers may share one.
 */
public record TestDatabase(Map<String, String> properties, String[] profiles) {

    /** An H2 file in a new directory named after {@code name}. */
    public static TestDatabase h2(String name) {
        return new TestDatabase(
                Map.of("ledger.data-dir", ApiTest.temporaryDirectory(name).toString()), new String[0]);
    }

    /** A new schema on PostgreSQL; the caller has made sure it answers ({@link OnPostgres}). */
    public static TestDatabase postgres() {
        return new TestDatabase(PostgresSchemas.newSchema(), new String[] {"postgres"});
    }

    /**
     * PostgreSQL where it answers (what a deployment of several servers runs on), else, on a contributor's
     * machine, H2 (two servers on one file); under CI a missing PostgreSQL fails the test rather than falling
     * back ({@link Prerequisites}).
     */
    public static TestDatabase shared(String name) {
        String unavailable = PostgresSchemas.unavailable();
        if (unavailable == null) {
            return postgres();
        }
        if (Prerequisites.underCi()) {
            Prerequisites.missing(unavailable + ": several servers are tested on PostgreSQL");
        }
        return h2(name);
    }

    /** The database benchmarks run on: {@code -Dbenchmark.database=h2} (the embedded default) or {@code postgres}. */
    public static final String BENCHMARK = System.getProperty("benchmark.database", "h2");

    /** A fresh database of the kind {@link #BENCHMARK} names; skipped, saying why, when PostgreSQL does not answer. */
    public static TestDatabase forBenchmark(String name) {
        if (BENCHMARK.equals("postgres")) {
            PostgresSchemas.assumeAvailable("benchmark on PostgreSQL");
            return postgres();
        }
        return h2(name);
    }

    public boolean isPostgres() {
        return List.of(profiles).contains("postgres");
    }

    public LedgerInstance start() {
        return LedgerInstance.start(properties, profiles);
    }

    /** A server on this database with more settings of its own. */
    public LedgerInstance start(Map<String, String> more) {
        Map<String, String> all = new HashMap<>(properties);
        all.putAll(more);
        return LedgerInstance.start(all, profiles);
    }
}

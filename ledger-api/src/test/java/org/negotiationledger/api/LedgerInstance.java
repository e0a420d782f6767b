package org.negotiationledger.api;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/** A whole ledger server started in this JVM on a random port, for tests that stop and restart it. */
public final class LedgerInstance implements AutoCloseable {

    private final ConfigurableApplicationContext context;

    private LedgerInstance(ConfigurableApplicationContext context) {
        this.context = context;
    }

    public static LedgerInstance start(Map<String, String> properties, String... profiles) {
        Map<String, String> all = new java.util.LinkedHashMap<>(Map.of(
                "server.port",
                "0",
                "ledger.demo-history.enabled",
                "false",
                // Tests send bad credentials on purpose; SignInThrottleTest sets the limits it tests.
                "ledger.security.sign-ins.max-failures-per-user",
                "0",
                "ledger.security.sign-ins.max-failures-per-address",
                "0"));
        all.putAll(TestUsers.all());
        all.putAll(properties);
        List<String> args = new ArrayList<>();
        all.forEach((key, value) -> args.add("--" + key + "=" + value));
        return new LedgerInstance(new SpringApplicationBuilder(LedgerApplication.class)
                .profiles(profiles)
                .run(args.toArray(String[]::new)));
    }

    /**
     * A database that several servers can share: a new schema on the PostgreSQL where one answers (profile
     * {@code postgres}), else an H2 file in a fresh directory.
     */
    public record SharedDatabase(Map<String, String> properties, String[] profiles) {

        public static SharedDatabase create(String name) {
            return PostgresSchemas.unavailable() == null
                    ? new SharedDatabase(PostgresSchemas.newSchema(), new String[] {"postgres"})
                    : new SharedDatabase(
                            Map.of(
                                    "ledger.data-dir",
                                    ApiTest.temporaryDirectory(name).toString()),
                            new String[0]);
        }

        public LedgerInstance start() {
            return LedgerInstance.start(properties, profiles);
        }

        /** A server on this database with more settings of its own. */
        public LedgerInstance start(Map<String, String> more) {
            Map<String, String> all = new java.util.HashMap<>(properties);
            all.putAll(more);
            return LedgerInstance.start(all, profiles);
        }
    }

    public int port() {
        return ((WebServerApplicationContext) context).getWebServer().getPort();
    }

    public Http http() {
        return new Http(port());
    }

    public <T> T bean(Class<T> type) {
        return context.getBean(type);
    }

    @Override
    public void close() {
        context.close();
    }
}

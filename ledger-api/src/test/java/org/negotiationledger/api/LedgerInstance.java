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
                "0",
                "ledger.security.sign-ins.max-failures-per-address-and-user",
                "0",
                // Seconds of CPU each start; the tests that read the description ask for it, and OpenApiDocumentTest
                // starts a server that builds it at start.
                "ledger.api-description.build-at-start",
                "false"));
        all.putAll(TestUsers.all());
        all.putAll(properties);
        List<String> args = new ArrayList<>();
        all.forEach((key, value) -> args.add("--" + key + "=" + value));
        return new LedgerInstance(new SpringApplicationBuilder(LedgerApplication.class)
                .profiles(profiles)
                .run(args.toArray(String[]::new)));
    }

    /** A server on an H2 database of its own, in a new directory named after {@code name}. */
    public static LedgerInstance fresh(String name) {
        return fresh(name, Map.of());
    }

    /** A server on an H2 database of its own, with {@code settings} over the tests' defaults. */
    public static LedgerInstance fresh(String name, Map<String, String> settings) {
        Map<String, String> all = new java.util.LinkedHashMap<>(settings);
        all.put("ledger.data-dir", ApiTest.temporaryDirectory(name).toString());
        return start(all);
    }

    /** A server on an H2 database of its own that loads the demo history, as the README's first command does. */
    public static LedgerInstance withDemoHistory(String name) {
        return fresh(name, Map.of("ledger.demo-history.enabled", "true"));
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

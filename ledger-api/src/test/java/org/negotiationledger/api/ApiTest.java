package org.negotiationledger.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.util.FileSystemUtils;

/**
 * A running server on a random port, on its embedded H2 in a fresh directory, without the demo history.
 * Subclasses share the server (Spring caches the context), so each test makes its own records, with
 * {@link #unique} ids, and measures what it changed rather than absolute counts.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "ledger.demo-history.enabled=false",
            "ledger.streams.heartbeat=PT1S",
            // Tests send thousands of bad credentials from one address; SignInThrottleTest tests the limits.
            "ledger.security.sign-ins.max-failures-per-user=0",
            "ledger.security.sign-ins.max-failures-per-address=0",
            "ledger.security.sign-ins.max-failures-per-address-and-user=0",
            // Built on the first request instead, by the tests that read it (LedgerInstance says why).
            "ledger.api-description.build-at-start=false"
        })
public abstract class ApiTest {

    private static final Path DATA = temporaryDirectory("ledger-api-test");
    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        registry.add("ledger.data-dir", DATA::toString);
        TestUsers.all().forEach((key, value) -> registry.add(key, () -> value));
    }

    @LocalServerPort
    protected int port;

    @Autowired
    protected JdbcTemplate jdbc;

    protected Http http;

    @BeforeEach
    void client() {
        http = new Http(port);
    }

    /**
     * A fresh directory, removed when the JVM exits: test and benchmark databases reach gigabytes, and CI runs
     * again and again on the same machine.
     */
    public static Path temporaryDirectory(String prefix) {
        try {
            Path directory = Files.createTempDirectory(prefix);
            Runtime.getRuntime()
                    .addShutdownHook(new Thread(() -> FileSystemUtils.deleteRecursively(directory.toFile())));
            return directory;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** An id no other test uses. */
    protected static String unique(String name) {
        return name + "-" + SEQUENCE.incrementAndGet();
    }

    protected long eventCount() {
        return jdbc.queryForObject("SELECT COUNT(*) FROM DomainEventEntry", Long.class);
    }

    protected Http.Response created(Http.Response response) {
        assertThat(response.status()).as(response.text()).isEqualTo(201);
        return response;
    }

    /** Two parties and a mediator, a negotiation between them, and a truce effective 2020-10-10T12:00+04:00. */
    protected record World(String a, String b, String mediator, String observer, String negotiation, String truce) {}

    protected World world() {
        String a = unique("party-a");
        String b = unique("party-b");
        String mediator = unique("mediator");
        String observer = unique("observer");
        for (String actor : new String[] {a, b, mediator, observer}) {
            created(http.post("/api/v1/actors", """
                    {"id": "%s", "name": "Actor %s", "kind": "STATE"}""".formatted(actor, actor)));
        }
        String negotiation = unique("negotiation");
        created(http.post("/api/v1/negotiations", """
                {"id": "%s", "title": "Talks", "parties": ["%s", "%s"], "mediators": ["%s"]}""".formatted(negotiation, a, b, mediator)));
        String truce = unique("truce");
        created(http.post("/api/v1/truces", truce(truce, negotiation, a, b, mediator, "")));
        return new World(a, b, mediator, observer, negotiation, truce);
    }

    /** Every write endpoint against {@code world}, with a violation report on its truce for those that need one. */
    protected List<WriteEndpoints.Endpoint> writeEndpoints(World world) {
        String report = unique("v");
        created(http.post(
                "/api/v1/commitments/" + world.truce() + "/violations",
                violation(report, world.a(), world.b(), "2020-10-10T12:30+04:00")));
        return WriteEndpoints.all(
                world.a(),
                world.b(),
                world.mediator(),
                world.observer(),
                world.negotiation(),
                world.truce(),
                report,
                ApiTest::unique);
    }

    protected static String truce(String id, String negotiation, String a, String b, String broker, String more) {
        return """
                {"id": "%s", "negotiationId": "%s", "kind": "HUMANITARIAN_CEASEFIRE", "title": "Humanitarian truce",
                 "parties": ["%s", "%s"], "brokers": ["%s"], "venue": "Moscow",
                 "agreedAt": "2020-10-10T03:00+03:00[Europe/Moscow]", "agreedAtPrecision": "HOUR",
                 "effectiveFrom": "2020-10-10T12:00+04:00" %s}""".formatted(id, negotiation, a, b, broker, more);
    }

    protected static String violation(String id, String by, String accused, String occurredAt) {
        return """
                {"id": "%s", "reportedBy": "%s", "accused": "%s", "occurredAt": "%s",
                 "location": {"name": "near the line of contact", "latitude": 40.1, "longitude": 46.9},
                 "description": "artillery fire", "casualties": {"killed": 0, "injured": 2}, "source": "MoD"}""".formatted(id, by, accused, occurredAt);
    }
}

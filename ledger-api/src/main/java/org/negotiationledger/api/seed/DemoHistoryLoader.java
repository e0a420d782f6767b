package org.negotiationledger.api.seed;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import org.negotiationledger.api.config.DemoHistoryProperties;
import org.negotiationledger.api.security.DemoLoaderAccount;
import org.negotiationledger.seal.events.EventTables;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.event.EventListener;
import org.springframework.core.io.ClassPathResource;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Records the demo history on the first start of an empty ledger, by posting each request of
 * {@code seed/nagorno-karabakh-2020.json} to this server's own HTTP API: the same path, validation and rules
 * a mediator's requests take. It is loaded once: a ledger that already holds events is left alone, and each
 * request carries an Idempotency-Key, so a load cut short resumes on the next start without recording
 * anything twice. Off with {@code ledger.demo-history.enabled=false}.
 */
@Component
class DemoHistoryLoader {

    private static final Logger log = LoggerFactory.getLogger(DemoHistoryLoader.class);
    static final String RESOURCE = "seed/nagorno-karabakh-2020.json";

    private final boolean enabled;
    private final JdbcTemplate jdbc;
    private final EventTables events;
    private final ObjectMapper json;
    private final Clock clock;
    private final DemoLoaderAccount account;

    DemoHistoryLoader(
            DemoHistoryProperties demoHistory,
            JdbcTemplate jdbc,
            EventTables events,
            ObjectMapper json,
            Clock clock,
            DemoLoaderAccount account) {
        this.enabled = demoHistory.enabled();
        this.jdbc = jdbc;
        this.events = events;
        this.json = json;
        this.clock = clock;
        this.account = account;
    }

    @EventListener
    void onReady(ApplicationReadyEvent ready) throws IOException, InterruptedException {
        if (!enabled || !(ready.getApplicationContext() instanceof WebServerApplicationContext web)) {
            return;
        }
        JsonNode history = read();
        String name = history.get("name").asText();
        if (!claim(name)) {
            return;
        }
        int port = web.getWebServer().getPort();
        List<JsonNode> requests = toList(history.get("requests"));
        HttpClient http =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        for (int i = 0; i < requests.size(); i++) {
            JsonNode request = requests.get(i);
            HttpResponse<String> response = http.send(
                    HttpRequest.newBuilder()
                            .uri(URI.create("http://127.0.0.1:" + port
                                    + request.get("post").asText()))
                            .header("Content-Type", "application/json")
                            .header("Idempotency-Key", "demo-" + name + "-" + i)
                            // Its events are attributed to the loader's own account, "demo-history".
                            .header(
                                    "Authorization",
                                    "Basic "
                                            + Base64.getEncoder()
                                                    .encodeToString((account.name() + ":" + account.password())
                                                            .getBytes(StandardCharsets.UTF_8)))
                            .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(request.get("body"))))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 201) {
                throw new IllegalStateException("The demo history could not be recorded: request " + i + " ("
                        + request.get("post").asText() + ") was answered " + response.statusCode() + ": "
                        + response.body());
            }
        }
        jdbc.update(
                "UPDATE demo_history SET state = 'DONE', updated_at = ? WHERE name = ?",
                Timestamp.from(clock.instant()),
                name);
        log.info("Recorded the demo history '{}' ({} requests)", name, requests.size());
    }

    /** True when this start should (continue to) record the history; marks it as started. */
    private boolean claim(String name) {
        List<String> state = jdbc.queryForList("SELECT state FROM demo_history WHERE name = ?", String.class, name);
        if (!state.isEmpty()) {
            return "STARTED".equals(state.get(0));
        }
        long stored = events.count();
        if (stored > 0) {
            log.info("The ledger already holds {} events; the demo history is not loaded into it", stored);
            return false;
        }
        try {
            jdbc.update(
                    "INSERT INTO demo_history (name, state, updated_at) VALUES (?, 'STARTED', ?)",
                    name,
                    Timestamp.from(clock.instant()));
            return true;
        } catch (DuplicateKeyException anotherNode) {
            return false;
        }
    }

    private JsonNode read() throws IOException {
        try (InputStream in = new ClassPathResource(RESOURCE).getInputStream()) {
            return json.readTree(in);
        }
    }

    private static List<JsonNode> toList(JsonNode array) {
        java.util.ArrayList<JsonNode> list = new java.util.ArrayList<>();
        array.forEach(list::add);
        return list;
    }
}

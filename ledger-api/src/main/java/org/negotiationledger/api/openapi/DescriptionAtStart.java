package org.negotiationledger.api.openapi;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Builds the API description as the server starts, before it reports ready, so that no client waits for it:
 * springdoc builds it on the first request for it (every controller and schema read, seconds), and that was
 * Swagger UI's first visit. It asks the server itself for {@code /v3/api-docs}, as a client would, so what
 * springdoc caches is exactly what clients are then served; the description is one for every language
 * ({@code springdoc.allowed-locales}), so this one build serves them all. A listener of the ready event runs
 * before readiness turns to accepting traffic; a request that comes meanwhile waits for this build rather than
 * starting a second. Should the request fail, the start goes on, and the first client builds the description.
 */
@Component
@ConditionalOnProperty(name = "ledger.api-description.build-at-start", havingValue = "true", matchIfMissing = true)
class DescriptionAtStart {

    private static final Logger log = LoggerFactory.getLogger(DescriptionAtStart.class);

    private final String host;
    private final String path;

    DescriptionAtStart(
            @Value("${server.address:127.0.0.1}") String host,
            @Value("${server.servlet.context-path:}") String contextPath,
            @Value("${springdoc.api-docs.path:/v3/api-docs}") String path) {
        this.host = host.contains(":") ? "[" + host + "]" : host;
        this.path = contextPath + path;
    }

    @EventListener
    void onReady(ApplicationReadyEvent ready) {
        if (!(ready.getApplicationContext() instanceof WebServerApplicationContext web)) {
            return;
        }
        URI uri = URI.create("http://" + host + ":" + web.getWebServer().getPort() + path);
        try {
            HttpResponse<Void> answer = HttpClient.newBuilder()
                    .connectTimeout(Duration.ofSeconds(10))
                    .build()
                    .send(HttpRequest.newBuilder(uri).GET().build(), HttpResponse.BodyHandlers.discarding());
            if (answer.statusCode() != 200) {
                log.warn("The API description was not built at start: {} answered {}", uri, answer.statusCode());
            }
        } catch (java.io.IOException e) {
            log.warn("The API description was not built at start ({}): {}", uri, e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

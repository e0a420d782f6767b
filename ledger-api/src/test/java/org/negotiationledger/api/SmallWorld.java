package org.negotiationledger.api;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The smallest history most multi-server and storage tests stand on, posted over HTTP: the parties Armenia and
 * Azerbaijan, Russia as mediator, the negotiation {@code nk} between them, and truces in it.
 */
public final class SmallWorld {

    private SmallWorld() {}

    /** The three actors ({@code "Republic of <id>"}) and the negotiation {@code nk}. */
    public static void partiesAndNegotiation(Http http) {
        for (String actor : new String[] {"armenia", "azerbaijan", "russia"}) {
            assertThat(http.post("/api/v1/actors", """
                    {"id": "%s", "name": "Republic of %s", "kind": "STATE"}""".formatted(actor, actor)).status())
                    .isEqualTo(201);
        }
        assertThat(http.post("/api/v1/negotiations", """
                {"id": "nk", "title": "Talks", "parties": ["armenia", "azerbaijan"], "mediators": ["russia"]}""").status()).isEqualTo(201);
    }

    /** A humanitarian truce between the parties in {@code nk}, taking effect 2020-10-10T12:00+04:00. */
    public static void truce(Http http, String id) {
        assertThat(http.post("/api/v1/truces", """
                {"id": "%s", "negotiationId": "nk", "kind": "HUMANITARIAN_CEASEFIRE", "title": "Truce %s",
                 "parties": ["armenia", "azerbaijan"], "agreedAt": "2020-10-10T03:00+03:00",
                 "effectiveFrom": "2020-10-10T12:00+04:00"}""".formatted(id, id)).status()).isEqualTo(201);
    }
}

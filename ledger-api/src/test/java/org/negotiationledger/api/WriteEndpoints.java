package org.negotiationledger.api;

import java.util.List;
import java.util.function.UnaryOperator;

/**
 * Every write endpoint of http-api.md with a body a mediator's request would be accepted with, and what its
 * fields are: for tests that send them by the role, or spoil them on purpose.
 */
public final class WriteEndpoints {

    /** An endpoint, its accepted body, and its fields by kind (dotted paths into the body). */
    public record Endpoint(
            String path,
            String body,
            List<String> required,
            List<String> ids,
            List<String> enums,
            List<String> times,
            List<String> texts) {}

    private WriteEndpoints() {}

    /**
     * The write endpoints against existing records: parties {@code a} and {@code b}, a {@code mediator} and an
     * {@code observer}, a {@code negotiation} with a {@code truce}, a {@code report} on it; {@code unique} makes
     * fresh ids.
     */
    public static List<Endpoint> all(
            String a,
            String b,
            String mediator,
            String observer,
            String negotiation,
            String truce,
            String report,
            UnaryOperator<String> unique) {
        String commitment = "/api/v1/commitments/" + truce;
        return List.of(
                new Endpoint(
                        "/api/v1/actors",
                        """
                        {"id": "%s", "name": "N", "kind": "STATE"}""".formatted(unique.apply("actor")),
                        List.of("name", "kind"),
                        List.of("id"),
                        List.of("kind"),
                        List.of(),
                        List.of("name")),
                new Endpoint(
                        "/api/v1/negotiations",
                        """
                        {"title": "T", "parties": ["%s", "%s"], "mediators": ["%s"]}""".formatted(a, b, mediator),
                        List.of("title", "parties", "mediators"),
                        List.of("parties.0", "mediators.0"),
                        List.of(),
                        List.of(),
                        List.of("title")),
                new Endpoint(
                        "/api/v1/negotiations/" + negotiation + "/talks",
                        """
                        {"venue": "Geneva", "startedAt": "2020-10-30T10:00+01:00",
                         "participants": [{"actor": "%s", "role": "PARTY"}]}""".formatted(a),
                        List.of("venue", "startedAt", "participants"),
                        List.of("participants.0.actor"),
                        List.of("participants.0.role"),
                        List.of("startedAt"),
                        List.of("venue")),
                new Endpoint(
                        "/api/v1/truces",
                        """
                        {"negotiationId": "%s", "kind": "HUMANITARIAN_CEASEFIRE", "title": "T",
                         "parties": ["%s", "%s"], "brokers": ["%s"], "agreedAt": "2020-10-10T03:00+03:00",
                         "effectiveFrom": "2020-10-10T12:00+04:00"}""".formatted(negotiation, a, b, mediator),
                        List.of("negotiationId", "kind", "title", "parties", "agreedAt", "effectiveFrom"),
                        List.of("negotiationId", "parties.0", "brokers.0"),
                        List.of("kind"),
                        List.of("agreedAt", "effectiveFrom"),
                        List.of("title")),
                new Endpoint(
                        "/api/v1/pledges",
                        """
                        {"negotiationId": "%s", "kind": "CIVILIAN_PROTECTION", "title": "P", "parties": ["%s"],
                         "madeAt": "2020-10-30T10:00+01:00", "effectiveFrom": "2020-10-30T10:00+01:00"}""".formatted(negotiation, a),
                        List.of("negotiationId", "kind", "title", "parties", "madeAt", "effectiveFrom"),
                        List.of("negotiationId", "parties.0"),
                        List.of("kind"),
                        List.of("madeAt", "effectiveFrom"),
                        List.of("title")),
                new Endpoint(
                        commitment + "/violations",
                        """
                        {"reportedBy": "%s", "accused": "%s", "occurredAt": "2020-10-10T13:30+04:00",
                         "description": "shelling", "casualties": {"killed": 0, "injured": 2}}""".formatted(a, b),
                        List.of("reportedBy", "accused", "occurredAt"),
                        List.of("reportedBy", "accused"),
                        List.of(),
                        List.of("occurredAt"),
                        List.of("description")),
                new Endpoint(
                        commitment + "/violations/" + report + "/assessment",
                        """
                        {"outcome": "CONFIRMED", "assessedBy": "%s", "assessedAt": "2020-10-11T10:00+04:00"}""".formatted(mediator),
                        List.of("outcome", "assessedBy", "assessedAt"),
                        List.of("assessedBy"),
                        List.of("outcome"),
                        List.of("assessedAt"),
                        List.of()),
                new Endpoint(
                        commitment + "/violations/" + report + "/retraction",
                        """
                        {"retractedBy": "%s", "reason": "mistaken"}""".formatted(a),
                        List.of("retractedBy", "reason"),
                        List.of("retractedBy"),
                        List.of(),
                        List.of(),
                        List.of("reason")),
                new Endpoint(
                        commitment + "/end",
                        """
                        {"reason": "COLLAPSED", "endedAt": "2020-10-12T10:00+04:00"}""",
                        List.of("reason", "endedAt"),
                        List.of(),
                        List.of("reason"),
                        List.of("endedAt"),
                        List.of()),
                new Endpoint(
                        "/api/v1/statements",
                        """
                        {"author": "%s", "issuedAt": "2020-10-12T10:00+04:00", "kinds": ["CALL"], "text": "Stop."}""".formatted(observer),
                        List.of("author", "issuedAt", "kinds", "text"),
                        List.of("author"),
                        List.of("kinds.0"),
                        List.of("issuedAt"),
                        List.of("text")));
    }
}

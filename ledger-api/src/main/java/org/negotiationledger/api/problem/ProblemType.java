package org.negotiationledger.api.problem;

import java.net.URI;

/** The {@code type} of a problem answer, for the statuses answered before the ledger's own handlers see a request. */
record ProblemType(URI uri, String title) {

    private static final String PREFIX = "urn:problem:negotiation-ledger:";

    static ProblemType forStatus(int status) {
        return switch (status) {
            case 400 -> of("malformed-request", "Malformed request");
            case 401 -> of("unauthenticated", "Unauthenticated");
            case 403 -> of("forbidden", "Forbidden");
            case 404 -> of("not-found", "Not found");
            case 405 -> of("method-not-allowed", "Method not allowed");
            case 406 -> of("not-acceptable", "Not acceptable");
            case 413 -> of("request-too-large", "Request too large");
            case 415 -> of("unsupported-media-type", "Unsupported media type");
            case 501 -> of("not-implemented", "Not implemented");
            case 503 -> of("unavailable", "Service unavailable");
            default -> status >= 500 ? of("internal-error", "Internal error") : of("malformed-request", "Bad request");
        };
    }

    private static ProblemType of(String name, String title) {
        return new ProblemType(URI.create(PREFIX + name), title);
    }
}

package org.negotiationledger.api.security;

/** The roles of http-api.md. */
public enum Role {
    /** Posts commands. */
    MEDIATOR,
    /** Reads the history, as-of views, exports and verification; runs rebuilds. */
    AUDITOR,
    /** Reads the present views and subscribes to them. */
    VIEWER;

    static String[] all() {
        return java.util.Arrays.stream(values()).map(Enum::name).toArray(String[]::new);
    }
}

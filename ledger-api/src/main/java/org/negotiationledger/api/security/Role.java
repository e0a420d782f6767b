package org.negotiationledger.api.security;

import java.util.List;

/** The roles of http-api.md. */
public enum Role {
    /** Posts commands. */
    MEDIATOR,
    /** Reads the history, as-of views, exports and verification; runs rebuilds. */
    AUDITOR,
    /** Reads the present views and subscribes to them. */
    VIEWER;

    static String[] all() {
        return names(List.of(values()));
    }

    /** The names of these roles, as Spring Security's role checks take them. */
    public static String[] names(List<Role> roles) {
        return roles.stream().map(Enum::name).toArray(String[]::new);
    }
}

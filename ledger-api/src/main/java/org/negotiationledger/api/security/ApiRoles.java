package org.negotiationledger.api.security;

import java.util.List;
import org.springframework.http.HttpMethod;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.util.AntPathMatcher;

/**
 * Who may call what under {@code /api/v1}: the one table that {@link SecurityConfig} enforces and the API
 * description states, so that the two cannot disagree.
 */
public final class ApiRoles {

    /** Requests with this method (any when null) on these paths may be made by these roles. */
    record Rule(HttpMethod method, List<String> paths, List<Role> roles) {

        boolean covers(String requestMethod, String path) {
            return (method == null || method.name().equals(requestMethod))
                    && paths.stream().anyMatch(pattern -> PATHS.match(pattern, path));
        }

        String[] pathArray() {
            return paths.toArray(String[]::new);
        }

        String[] roleNames() {
            return Role.names(roles);
        }
    }

    private static final AntPathMatcher PATHS = new AntPathMatcher();

    /** The history, its exports and verification, and the rebuilds are the auditor's. */
    static final Rule AUDIT = new Rule(null, List.of("/api/v1/audit/**", "/api/v1/admin/**"), List.of(Role.AUDITOR));

    /** Every other command is a mediator's. */
    static final Rule COMMANDS = new Rule(HttpMethod.POST, List.of("/api/v1/**"), List.of(Role.MEDIATOR));

    /** Every other read is everyone's... */
    static final Rule READS = new Rule(HttpMethod.GET, List.of("/api/v1/**"), List.of(Role.values()));

    /** ...but a read as of a record time, which is what the ledger knew then, is the auditor's. */
    public static final List<Role> AS_OF = List.of(Role.AUDITOR);

    /** A read of the API as of a record time (before {@link #READS} in the filter chain). */
    static final RequestMatcher AS_OF_READS = request -> "GET".equals(request.getMethod())
            && request.getParameter("asOf") != null
            && request.getRequestURI().startsWith("/api/v1/");

    private static final List<Rule> IN_ORDER = List.of(AUDIT, COMMANDS, READS);

    private ApiRoles() {}

    /** The roles that may call {@code method} on {@code path} (a path or a path template), without {@code asOf}. */
    public static List<Role> of(String method, String path) {
        return IN_ORDER.stream()
                .filter(rule -> rule.covers(method, path))
                .findFirst()
                .map(Rule::roles)
                .orElse(List.of());
    }
}

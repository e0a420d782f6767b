package org.negotiationledger.api.security;

import jakarta.servlet.http.HttpServletResponse;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The security headers of every answer. Spring Security writes them on whatever passes its filters; an answer
 * given before them (Tomcat's own refusals of a malformed request) writes them from here, so that no answer of
 * the ledger goes without.
 */
public final class SecurityHeaders {

    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; img-src 'self' data:; "
            + "style-src 'self' 'unsafe-inline'; script-src 'self'; connect-src 'self'; object-src 'none'; "
            + "base-uri 'none'; form-action 'self'; frame-ancestors 'none'";
    static final String PERMISSIONS_POLICY = "camera=(), microphone=(), geolocation=(), payment=()";

    private static final Map<String, String> ALL = all();

    private SecurityHeaders() {}

    private static Map<String, String> all() {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("X-Content-Type-Options", "nosniff");
        headers.put("X-Frame-Options", "DENY");
        headers.put("Content-Security-Policy", CONTENT_SECURITY_POLICY);
        headers.put("Referrer-Policy", "no-referrer");
        headers.put("Permissions-Policy", PERMISSIONS_POLICY);
        headers.put("Cache-Control", "no-store");
        return headers;
    }

    /** Sets every security header on a response that Spring Security did not write. */
    public static void write(HttpServletResponse response) {
        ALL.forEach(response::setHeader);
    }
}

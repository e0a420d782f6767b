package org.negotiationledger.api.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import org.negotiationledger.api.problem.ProblemType;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Slows password guessing, before the credentials are checked: an address that must wait
 * ({@link FailedSignIns}) is answered {@code 429} with {@code Retry-After} without its password being checked,
 * so that a guess made then tells nothing. A {@code 401} counts as a failure of the request's address and, for
 * HTTP Basic, of its user name; a 2xx or 3xx answer as its success. The address is the
 * servlet's remote address: the client's socket, or what a proxy trusted by Tomcat's {@code RemoteIpValve}
 * ({@code server.forward-headers-strategy=native}) says it is, never a header the client chose.
 */
final class SignInThrottle extends OncePerRequestFilter {

    private final FailedSignIns failures;
    private final ObjectMapper json;

    SignInThrottle(SecurityProperties.SignIns limits, ObjectMapper json, Clock clock) {
        this.failures = new FailedSignIns(limits, clock);
        this.json = json;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String authorization = request.getHeader("Authorization");
        if (authorization == null) {
            chain.doFilter(request, response);
            return;
        }
        String user = basicUser(authorization);
        String address = request.getRemoteAddr();
        Duration wait = failures.waitFor(address, user);
        if (!wait.isZero()) {
            long seconds = Math.max(1, wait.toSeconds() + (wait.toMillisPart() > 0 ? 1 : 0));
            response.setHeader("Retry-After", Long.toString(seconds));
            Problems.write(
                    response,
                    json,
                    ProblemType.TOO_MANY_SIGN_INS,
                    "too many failed sign-ins from this address, for this user name or in all; try again in " + seconds
                            + " s");
            return;
        }
        // The failure is counted when the 401 is set, before any of the answer can reach the client: counted
        // after the chain returned, a client's next attempt could arrive first and go unthrottled.
        boolean[] counted = {false};
        Runnable count = () -> {
            if (!counted[0]) {
                counted[0] = true;
                failures.failed(address, user);
            }
        };
        chain.doFilter(request, new HttpServletResponseWrapper(response) {
            @Override
            public void setStatus(int status) {
                if (status == HttpServletResponse.SC_UNAUTHORIZED) {
                    count.run();
                }
                super.setStatus(status);
            }

            @Override
            public void sendError(int status) throws IOException {
                if (status == HttpServletResponse.SC_UNAUTHORIZED) {
                    count.run();
                }
                super.sendError(status);
            }

            @Override
            public void sendError(int status, String message) throws IOException {
                if (status == HttpServletResponse.SC_UNAUTHORIZED) {
                    count.run();
                }
                super.sendError(status, message);
            }
        });
        if (response.getStatus() == HttpServletResponse.SC_UNAUTHORIZED) {
            count.run();
        } else if (!counted[0] && response.getStatus() < 400) {
            // Only an answer that needs the sign-in to have succeeded: a 400 or 403 may come before the
            // password is checked (the firewall, CORS), and must not clear the count of a guess never made.
            failures.succeeded(address, user);
        }
    }

    /** The user name of HTTP Basic credentials, or null (another scheme, or not decodable). */
    private static String basicUser(String authorization) {
        if (!authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            return null;
        }
        try {
            String decoded = new String(
                    Base64.getDecoder().decode(authorization.substring(6).strip()), StandardCharsets.UTF_8);
            int colon = decoded.indexOf(':');
            return colon < 0 ? null : decoded.substring(0, colon);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}

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
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Base64;
import java.util.Deque;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.negotiationledger.api.problem.ProblemType;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Slows password guessing: a user name, or a client address, that failed to sign in too often within a window
 * is answered {@code 429} with {@code Retry-After} until the window has passed, without its password being
 * checked, so that a guess made then tells nothing. A success clears the user's count (not the address's).
 * Counted in this server's memory: behind a load balancer each server counts for itself, so a guesser gets
 * at most the limit times the number of servers.
 */
final class SignInThrottle extends OncePerRequestFilter {

    /** Beyond this many tracked names and addresses, those whose failures are all past the window are dropped. */
    private static final int TRACKED = 100_000;

    private final SecurityProperties.SignIns limits;
    private final ObjectMapper json;
    private final Clock clock;
    private final Map<String, Deque<Instant>> failures = new ConcurrentHashMap<>();

    SignInThrottle(SecurityProperties.SignIns limits, ObjectMapper json, Clock clock) {
        this.limits = limits;
        this.json = json;
        this.clock = clock;
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
        String userKey = user == null ? null : "user:" + user.toLowerCase(Locale.ROOT);
        String addressKey = "address:" + request.getRemoteAddr();
        Instant now = clock.instant();
        Duration wait = max(
                lockedFor(userKey, limits.maxFailuresPerUser(), now),
                lockedFor(addressKey, limits.maxFailuresPerAddress(), now));
        if (!wait.isZero()) {
            long seconds = Math.max(1, wait.toSeconds() + (wait.toMillisPart() > 0 ? 1 : 0));
            response.setHeader("Retry-After", Long.toString(seconds));
            Problems.write(
                    response,
                    json,
                    ProblemType.TOO_MANY_SIGN_INS,
                    "too many failed sign-ins for this user or from this address; " + "try again in " + seconds + " s");
            return;
        }
        // The failure is counted when the 401 is set, before any of the answer can reach the client: counted
        // after the chain returned, a client's next attempt could arrive first and go unthrottled.
        boolean[] counted = {false};
        Runnable count = () -> {
            if (!counted[0]) {
                counted[0] = true;
                failed(userKey, now);
                failed(addressKey, now);
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
        } else if (userKey != null) {
            failures.remove(userKey);
        }
    }

    private Duration lockedFor(String key, int max, Instant now) {
        Deque<Instant> times = key == null || max <= 0 ? null : failures.get(key);
        if (times == null) {
            return Duration.ZERO;
        }
        synchronized (times) {
            prune(times, now);
            if (times.size() < max) {
                return Duration.ZERO;
            }
            return Duration.between(now, times.peekFirst().plus(limits.window()));
        }
    }

    private void failed(String key, Instant now) {
        if (key == null) {
            return;
        }
        if (failures.size() > TRACKED) {
            failures.entrySet().removeIf(entry -> {
                synchronized (entry.getValue()) {
                    prune(entry.getValue(), now);
                    return entry.getValue().isEmpty();
                }
            });
        }
        Deque<Instant> times = failures.computeIfAbsent(key, k -> new ArrayDeque<>());
        synchronized (times) {
            prune(times, now);
            times.addLast(now);
            // Only the most recent failures matter: the most any limit counts.
            while (times.size() > Math.max(limits.maxFailuresPerUser(), limits.maxFailuresPerAddress())) {
                times.removeFirst();
            }
        }
    }

    private void prune(Deque<Instant> times, Instant now) {
        Instant since = now.minus(limits.window());
        while (!times.isEmpty() && !times.peekFirst().isAfter(since)) {
            times.removeFirst();
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

    private static Duration max(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }
}

package org.negotiationledger.api.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.negotiationledger.seal.Seal;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;

/**
 * Remembers a successful HTTP Basic sign-in for a few minutes, by user name and a SHA-256 of the password
 * (never the password itself). BCrypt is slow on purpose (tens of milliseconds at the usual cost) and Basic
 * sends the password with every request: without this, a client posting a thousand commands would spend most
 * of their time on the same password check. Users come from configuration and cannot change while the server
 * runs, so a remembered sign-in cannot outlive a revoked password.
 */
final class RememberedSignIns implements AuthenticationProvider {

    private static final int CAPACITY = 10_000;

    private final AuthenticationProvider checker;
    private final Duration remember;
    private final Clock clock;
    private final Map<String, Remembered> remembered = new ConcurrentHashMap<>();

    private record Remembered(Authentication authentication, Instant until) {}

    RememberedSignIns(AuthenticationProvider checker, Duration remember, Clock clock) {
        this.checker = checker;
        this.remember = remember;
        this.clock = clock;
    }

    @Override
    public Authentication authenticate(Authentication request) {
        String key = request.getName() + "\n" + Seal.sha256Hex(String.valueOf(request.getCredentials()));
        Instant now = clock.instant();
        Remembered known = remembered.get(key);
        if (known != null && now.isBefore(known.until())) {
            return known.authentication();
        }
        Authentication authenticated = checker.authenticate(request);
        if (authenticated != null && authenticated.isAuthenticated()) {
            if (remembered.size() >= CAPACITY) {
                remembered.clear();
            }
            remembered.put(key, new Remembered(authenticated, now.plus(remember)));
        }
        return authenticated;
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}

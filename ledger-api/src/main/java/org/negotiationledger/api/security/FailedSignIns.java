package org.negotiationledger.api.security;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The failed sign-ins of the last window, and how long an address must wait before its next attempt is
 * checked. Only the address that failed ever waits, never a user: a guesser who knows a user name cannot keep
 * that user out from anywhere else. Three limits, each within the window:
 *
 * <ul>
 *   <li>per address and user name: the guesses one address gets at one account;
 *   <li>per address, whatever the names: the guesses one address gets at all accounts (more, since an
 *       office behind one gateway shares an address);
 *   <li>per user name, from all addresses together: past it the name is under attack, and each address
 *       that has failed for it waits until that failure has left the window. An address that has not
 *       failed for it is checked as ever, so the right password still signs in from there, while a guesser
 *       spread over many addresses gets one guess per address per window.
 * </ul>
 *
 * An IPv6 address counts by its /64 prefix, which one subscriber holds whole. A success clears the count of
 * its address and name (not the address's, nor the name's). Counted in this server's memory: behind a load
 * balancer each server counts for itself.
 */
final class FailedSignIns {

    /** Beyond this many tracked keys, those whose failures are all past the window are dropped. */
    private static final int TRACKED = 100_000;

    private final SecurityProperties.SignIns limits;
    private final Clock clock;
    private final Map<String, Failures> failures = new ConcurrentHashMap<>();

    FailedSignIns(SecurityProperties.SignIns limits, Clock clock) {
        this.limits = limits;
        this.clock = clock;
    }

    /**
     * How long {@code address} must wait before an attempt for {@code user} (null: a sign-in without a user
     * name, a bearer token) is checked; zero when it may be checked now.
     */
    Duration waitFor(String address, String user) {
        Instant now = clock.instant();
        String from = addressKey(address);
        Duration wait = waitFor(from, limits.maxFailuresPerAddress(), now);
        if (user != null) {
            String pair = pairKey(from, user);
            wait = longer(wait, waitFor(pair, limits.maxFailuresPerAddressAndUser(), now));
            Duration underAttack = waitFor(userKey(user), limits.maxFailuresPerUser(), now);
            if (!underAttack.isZero()) {
                // Until this address's last failure for the name leaves the window, or the attack subsides.
                Duration failedHere = waitFor(pair, 1, now);
                wait = longer(wait, failedHere.compareTo(underAttack) <= 0 ? failedHere : underAttack);
            }
        }
        return wait;
    }

    void failed(String address, String user) {
        Instant now = clock.instant();
        if (failures.size() > TRACKED) {
            failures.values().removeIf(times -> times.pruned(now) == 0);
        }
        String from = addressKey(address);
        add(from, limits.maxFailuresPerAddress(), now);
        if (user != null) {
            // At least one kept per address and name: the attack rule asks whether this address failed for it.
            add(pairKey(from, user), Math.max(1, limits.maxFailuresPerAddressAndUser()), now);
            add(userKey(user), limits.maxFailuresPerUser(), now);
        }
    }

    void succeeded(String address, String user) {
        if (user != null) {
            failures.remove(pairKey(addressKey(address), user));
        }
    }

    private Duration waitFor(String key, int limit, Instant now) {
        Failures times = limit <= 0 ? null : failures.get(key);
        return times == null ? Duration.ZERO : times.waitFor(limit, now);
    }

    private void add(String key, int keep, Instant now) {
        if (keep > 0) {
            failures.computeIfAbsent(key, k -> new Failures()).add(now, keep);
        }
    }

    /** The times of a key's latest failures within the window, oldest first, no more than its limits count. */
    private final class Failures {

        private final ArrayDeque<Instant> times = new ArrayDeque<>();

        synchronized void add(Instant now, int keep) {
            prune(now);
            times.addLast(now);
            while (times.size() > keep) {
                times.removeFirst();
            }
        }

        /** Until the failures within the window are fewer than {@code limit}: until the oldest that counts leaves. */
        synchronized Duration waitFor(int limit, Instant now) {
            prune(now);
            if (times.size() < limit) {
                return Duration.ZERO;
            }
            Iterator<Instant> oldest = times.iterator();
            for (int skip = times.size() - limit; skip > 0; skip--) {
                oldest.next();
            }
            return Duration.between(now, oldest.next().plus(limits.window()));
        }

        synchronized int pruned(Instant now) {
            prune(now);
            return times.size();
        }

        private void prune(Instant now) {
            Instant since = now.minus(limits.window());
            while (!times.isEmpty() && !times.peekFirst().isAfter(since)) {
                times.removeFirst();
            }
        }
    }

    /** An IPv4 address as it is; an IPv6 address by its /64 prefix. */
    static String addressKey(String address) {
        if (address == null || address.indexOf(':') < 0) {
            return "address " + address;
        }
        try {
            // A literal: parsed, never looked up.
            InetAddress parsed = InetAddress.getByName(address);
            if (parsed instanceof Inet6Address) {
                byte[] prefix = java.util.Arrays.copyOf(parsed.getAddress(), 8);
                return "address " + HexFormat.of().formatHex(prefix) + "/64";
            }
            return "address " + parsed.getHostAddress();
        } catch (UnknownHostException e) {
            return "address " + address;
        }
    }

    private static String pairKey(String addressKey, String user) {
        return addressKey + " user " + user.toLowerCase(Locale.ROOT);
    }

    private static String userKey(String user) {
        return "user " + user.toLowerCase(Locale.ROOT);
    }

    private static Duration longer(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }
}

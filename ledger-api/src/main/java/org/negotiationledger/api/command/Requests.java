package org.negotiationledger.api.command;

import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import org.negotiationledger.api.param.TimeText;
import org.negotiationledger.api.problem.InvalidFieldException;
import org.negotiationledger.core.shared.ActorId;
import org.negotiationledger.core.shared.Precision;
import org.negotiationledger.core.shared.StatedTime;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/** Small conversions every command controller needs. */
final class Requests {

    static final String IDEMPOTENCY_KEY = "Idempotency-Key";
    private static final java.util.regex.Pattern KEY = java.util.regex.Pattern.compile("[\\x21-\\x7e]{1,200}");

    private Requests() {}

    /** The client's id, or a fresh one assigned by the ledger. */
    static String idOrNew(String id) {
        return id != null ? id : UUID.randomUUID().toString();
    }

    static List<ActorId> actors(List<String> ids) {
        return map(ids, ActorId::new);
    }

    static <T> List<T> map(List<String> ids, Function<String, T> type) {
        return ids == null ? null : ids.stream().map(type).toList();
    }

    static ActorId actorOrNull(String id) {
        return id == null ? null : new ActorId(id);
    }

    /** The path of the request being handled, as it was posted (without the query). */
    static String path() {
        return ServletUriComponentsBuilder.fromCurrentRequestUri()
                .replaceQuery(null)
                .build()
                .getPath();
    }

    /** An Idempotency-Key is 1 to 200 visible ASCII characters. */
    static String idempotencyKey(String key) {
        if (key != null && !KEY.matcher(key).matches()) {
            throw new InvalidFieldException(IDEMPOTENCY_KEY, "must be 1 to 200 visible ASCII characters");
        }
        return key;
    }

    /** Converts validated time text ({@link TimeText}) to a stated time; null stays null. */
    static StatedTime parse(String text, Precision precision) {
        return text == null ? null : StatedTime.parse(text, precision);
    }

    /**
     * Who posted the command: the authenticated user, or a bearer token's principal claim. Taken from the
     * security context only, never from anything the client sends in the request.
     */
    static String principal() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null || !authentication.isAuthenticated() || authentication.getName() == null) {
            throw new IllegalStateException("a command reached the ledger without an authenticated principal");
        }
        return authentication.getName();
    }
}

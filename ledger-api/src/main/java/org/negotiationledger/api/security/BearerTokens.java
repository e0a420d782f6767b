package org.negotiationledger.api.security;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/**
 * Signs in a bearer token whose signature (and issuer) the decoder has checked, holding its claims to the
 * rules a configured user obeys: a principal that is a good user name and not one the ledger records under
 * itself ({@link Principals}), at least one role, each exactly one of the documented names, and an expiry
 * ({@code exp}; the decoder checks it only when present, and a token that never expires cannot be revoked).
 * Anything else is refused as a {@link RefusedToken}, which the entry point answers 401 saying why.
 */
final class BearerTokens implements Converter<Jwt, AbstractAuthenticationToken> {

    private final SecurityProperties.Jwt settings;

    BearerTokens(SecurityProperties.Jwt settings) {
        this.settings = settings;
    }

    /** A token refused for its claims although validly signed; its message is safe to give the client. */
    static final class RefusedToken extends InvalidBearerTokenException {
        RefusedToken(String description) {
            super(description);
        }
    }

    @Override
    public AbstractAuthenticationToken convert(Jwt token) {
        if (token.getExpiresAt() == null) {
            throw new RefusedToken("the bearer token has no expiry ('exp')");
        }
        String claim = settings.principalClaim();
        if (!(token.getClaims().get(claim) instanceof String principal)) {
            throw new RefusedToken(
                    "the bearer token has no principal: its claim '" + claim + "' is missing or not a string");
        }
        String problem = Principals.problem(principal);
        if (problem != null) {
            throw new RefusedToken("the bearer token's principal (claim '" + claim + "') " + problem);
        }
        return new JwtAuthenticationToken(token, roles(token.getClaims().get(settings.rolesClaim())), principal);
    }

    /** The roles claim: a list of names, or one string of names separated by single spaces. */
    private List<GrantedAuthority> roles(Object claim) {
        Collection<?> values = claim instanceof Collection<?> list
                ? list
                : claim instanceof String text ? List.of(text.split(" ", -1)) : List.of();
        if (values.isEmpty()) {
            throw new RefusedToken("the bearer token has no role: its claim '" + settings.rolesClaim()
                    + "' must hold one or more of " + String.join(", ", Role.all()));
        }
        List<GrantedAuthority> authorities = new ArrayList<>();
        for (Object value : values) {
            if (!(value instanceof String name && List.of(Role.all()).contains(name))) {
                throw new RefusedToken("the bearer token's claim '" + settings.rolesClaim() + "' holds a value that "
                        + "is not a role: each must be exactly one of " + String.join(", ", Role.all()));
            }
            authorities.add(new SimpleGrantedAuthority("ROLE_" + name));
        }
        return authorities;
    }
}

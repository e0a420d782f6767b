package org.negotiationledger.api.security;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code ledger.security.*}: the users (by name: a BCrypt hash and roles), how bearer tokens carry roles, and
 * the origins allowed to call the API from a browser. Users come from configuration, typically environment
 * variables: {@code LEDGER_SECURITY_USERS_ALICE_PASSWORD='{bcrypt}$2a$10$...'},
 * {@code LEDGER_SECURITY_USERS_ALICE_ROLES=MEDIATOR}.
 */
@ConfigurationProperties("ledger.security")
public record SecurityProperties(
        @DefaultValue Map<String, User> users,
        @DefaultValue Jwt jwt,
        @DefaultValue List<String> corsAllowedOrigins,
        @DefaultValue SignIns signIns) {

    /** A user: the password as a BCrypt hash ({@code {bcrypt}$2a$...}) and its roles. */
    public record User(String password, @DefaultValue Set<Role> roles) {}

    /**
     * Bearer tokens: the claim that holds the roles (a list, or a space-separated string), and the claim that
     * names the principal. The issuer or key is Spring's {@code spring.security.oauth2.resourceserver.jwt.*}.
     */
    public record Jwt(
            @DefaultValue("roles") String rolesClaim,
            @DefaultValue("sub") String principalClaim) {}

    /**
     * How many failed sign-ins within {@code window} make an address wait (429 with Retry-After) before its
     * next attempt is checked ({@link FailedSignIns}): from one address for one user name; from one address in
     * all (more: several users may share one, an office behind one gateway); and for one user name from all
     * addresses together, past which each address that has failed for the name waits until that failure has
     * left the window, while an address that has not is checked as ever. No limit ever makes an address wait
     * for another's failures. 0 switches a limit off.
     */
    public record SignIns(
            @DefaultValue("10") int maxFailuresPerUser,
            @DefaultValue("50") int maxFailuresPerAddress,
            @DefaultValue("5") int maxFailuresPerAddressAndUser,
            @DefaultValue("PT5M") java.time.Duration window) {}
}

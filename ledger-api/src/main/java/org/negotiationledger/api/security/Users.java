package org.negotiationledger.api.security;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;

/**
 * The configured users, checked before the server starts: each name must be a good principal
 * ({@link Principals}), each password a BCrypt hash, each user must have a role, and outside the embedded demo
 * no user may keep a demo password. A user whose password is
 * set empty is left out, which is how a deployment drops the demo users it inherits.
 */
final class Users {

    /** The demo users of the embedded default: each one's password is its name. */
    static final List<String> DEMO = List.of("mediator", "auditor", "viewer");

    private Users() {}

    static InMemoryUserDetailsManager of(
            Map<String, SecurityProperties.User> configured,
            boolean embeddedDemo,
            PasswordEncoder encoder,
            List<UserDetails> internal) {
        List<UserDetails> users = new ArrayList<>(internal);
        configured.forEach((name, user) -> {
            if (user.password() == null || user.password().isBlank()) {
                return;
            }
            String variable =
                    "LEDGER_SECURITY_USERS_" + name.toUpperCase(Locale.ROOT).replace('-', '_');
            String unfit = Principals.problem(name);
            if (unfit != null) {
                throw new UnsafeUserException(
                        "user name '" + name + "' " + unfit,
                        "Name the user with 1 to " + Principals.MAX_LENGTH + " visible characters, other than '"
                                + SecurityConfig.DEMO_LOADER + "' and '" + Principals.OPERATOR_PREFIX
                                + "...', which the ledger records under itself.");
            }
            if (!user.password().startsWith("{bcrypt}")) {
                throw new UnsafeUserException(
                        "user '" + name + "' has a password that is not a BCrypt hash",
                        "Set " + variable + "_PASSWORD to '{bcrypt}' followed by a BCrypt hash of the password "
                                + "(java -jar ledger-api.jar hash-password prints one).");
            }
            if (user.roles().isEmpty()) {
                throw new UnsafeUserException(
                        "user '" + name + "' has no role",
                        "Set " + variable + "_ROLES to one or more of MEDIATOR, AUDITOR, VIEWER.");
            }
            if (!embeddedDemo) {
                for (String demo : DEMO) {
                    if (encoder.matches(demo, user.password())) {
                        throw new UnsafeUserException(
                                "user '" + name + "' still has a demo password, which only the "
                                        + "embedded demo may use",
                                "Set " + variable + "_PASSWORD to '{bcrypt}' and the BCrypt hash of a real password "
                                        + "(java -jar ledger-api.jar hash-password prints one), or set it empty to "
                                        + "remove the user. Define your own users the same way: LEDGER_SECURITY_USERS_"
                                        + "<NAME>_PASSWORD and LEDGER_SECURITY_USERS_<NAME>_ROLES.");
                    }
                }
            }
            users.add(User.withUsername(name)
                    .password(user.password())
                    .roles(user.roles().stream().map(Enum::name).toArray(String[]::new))
                    .build());
        });
        return new InMemoryUserDetailsManager(users);
    }
}

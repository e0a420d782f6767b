package org.negotiationledger.api.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;

/** A configured user's name obeys the rules of a principal, the same a bearer token's must (BearerTokenTest). */
class UsersTest {

    private static final PasswordEncoder ENCODER = PasswordEncoderFactories.createDelegatingPasswordEncoder();
    private static final String HASH = "{bcrypt}" + new BCryptPasswordEncoder(4).encode("a real password");

    @Test
    void aUserNamedAsTheLedgerRecordsItselfIsRefusedBeforeTheServerStarts() {
        for (String name : List.of("demo-history", "Demo-History", "operator:alice")) {
            assertThatThrownBy(() -> users(name))
                    .isInstanceOf(UnsafeUserException.class)
                    .hasMessageContaining("user name '" + name + "' is reserved");
        }
    }

    @Test
    void aUserNameWithWhiteSpaceControlsOrInvisibleCharactersIsRefused() {
        for (String name : List.of("alice bob", "alice\nroot", "al\u0000ice", "al\u200Bice", "a".repeat(201))) {
            assertThatThrownBy(() -> users(name)).isInstanceOf(UnsafeUserException.class);
        }
    }

    @Test
    void aUserNameOfVisibleCharactersIsAccepted() {
        for (String name : List.of("alice", "osce-monitor", "alice@mediation.example", "Ærøskøbing", "a".repeat(200))) {
            assertThat(users(name).userExists(name)).isTrue();
        }
    }

    private static org.springframework.security.provisioning.InMemoryUserDetailsManager users(String name) {
        return Users.of(
                Map.of(name, new SecurityProperties.User(HASH, Set.of(Role.VIEWER))), false, ENCODER, List.of());
    }
}

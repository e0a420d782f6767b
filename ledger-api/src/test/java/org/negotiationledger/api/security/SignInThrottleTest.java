package org.negotiationledger.api.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.negotiationledger.api.Http;
import org.negotiationledger.api.LedgerInstance;
import org.negotiationledger.api.TestUsers;

/** Failed sign-ins are throttled per user name and per client address: 429 with Retry-After, as problem details. */
class SignInThrottleTest {

    @Test
    void aUserNameAndThenAnAddressThatFailTooOftenAreAnswered429UntilTheWindowPasses() {
        try (LedgerInstance ledger = LedgerInstance.fresh(
                "ledger-throttle",
                Map.of(
                        "ledger.security.sign-ins.max-failures-per-user",
                        "5",
                        "ledger.security.sign-ins.max-failures-per-address",
                        "8",
                        "ledger.security.sign-ins.window",
                        "PT10M"))) {
            Http http = ledger.http();
            for (int i = 0; i < 5; i++) {
                assertThat(get(http, TestUsers.VIEWER, "wrong-" + i).status()).isEqualTo(401);
            }
            // The sixth attempt is not checked, even with the right password: a guess made now tells nothing.
            Http.Response locked = get(http, TestUsers.VIEWER, TestUsers.password(TestUsers.VIEWER));
            assertThat(locked.status()).isEqualTo(429);
            assertThat(locked.contentType()).startsWith("application/problem+json");
            assertThat(locked.json().get("type").asText())
                    .isEqualTo("urn:problem:negotiation-ledger:too-many-sign-ins");
            assertThat(Long.parseLong(locked.header("Retry-After"))).isBetween(1L, 600L);
            assertThat(locked.header("X-Content-Type-Options")).isEqualTo("nosniff");

            // Another user from the same address still signs in, and a success clears nothing it should not.
            assertThat(get(http, TestUsers.AUDITOR, TestUsers.password(TestUsers.AUDITOR))
                            .status())
                    .isEqualTo(200);
            // Three more failures under other names make eight from this address: now every sign-in from it waits.
            for (String name : new String[] {"alice", "bob", "carol"}) {
                assertThat(get(http, name, "guess").status()).isEqualTo(401);
            }
            assertThat(get(http, TestUsers.AUDITOR, TestUsers.password(TestUsers.AUDITOR))
                            .status())
                    .isEqualTo(429);
            assertThat(get(http, "dave", "guess").status()).isEqualTo(429);
        }
    }

    private static Http.Response get(Http http, String user, String password) {
        return http.withAuthorization("Basic "
                        + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)))
                .get("/api/v1/commitments");
    }
}

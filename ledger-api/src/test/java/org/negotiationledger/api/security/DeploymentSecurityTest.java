package org.negotiationledger.api.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.negotiationledger.api.ApiTest;
import org.negotiationledger.api.Http;
import org.negotiationledger.api.LedgerInstance;

/** Sign-in as a deployment has it: refusing demo passwords and unsafe users, CORS (bearer tokens: BearerTokenTest). */
class DeploymentSecurityTest {

    @Test
    void aDeploymentProfileWithADemoPasswordRefusesToStartSayingWhatToSet() {
        assertThatThrownBy(() -> LedgerInstance.start(
                                Map.of(
                                        "ledger.data-dir",
                                        ApiTest.temporaryDirectory("ledger-deploy")
                                                .toString()),
                                "deployment")
                        .close())
                .hasStackTraceContaining("still has a demo password")
                .hasStackTraceContaining("_PASSWORD to '{bcrypt}' and the BCrypt hash of a real password");
    }

    @Test
    void aPasswordThatIsNotABcryptHashIsRefused() {
        assertThatThrownBy(() -> LedgerInstance.fresh(
                                "ledger-plain",
                                Map.of(
                                        "ledger.security.users.alice.password",
                                        "{noop}alice-secret",
                                        "ledger.security.users.alice.roles",
                                        "MEDIATOR"))
                        .close())
                .hasStackTraceContaining("user 'alice' has a password that is not a BCrypt hash")
                .hasStackTraceContaining("LEDGER_SECURITY_USERS_ALICE_PASSWORD");
    }

    @Test
    void corsAnswersOnlyTheConfiguredOrigins() throws IOException {
        try (LedgerInstance ledger = LedgerInstance.fresh(
                "ledger-cors", Map.of("ledger.security.cors-allowed-origins", "https://dashboard.example"))) {
            Http anonymous = ledger.http().withAuthorization(null);
            Http.Response allowed = anonymous.options(
                    "/api/v1/truces",
                    "Origin",
                    "https://dashboard.example",
                    "Access-Control-Request-Method",
                    "POST",
                    "Access-Control-Request-Headers",
                    "content-type,authorization");
            assertThat(allowed.status()).isEqualTo(200);
            assertThat(allowed.header("Access-Control-Allow-Origin")).isEqualTo("https://dashboard.example");
            Http.Response refused = anonymous.options(
                    "/api/v1/truces", "Origin", "https://evil.example", "Access-Control-Request-Method", "POST");
            assertThat(refused.header("Access-Control-Allow-Origin")).isNull();
            assertThat(refused.status()).isEqualTo(403);
        }
    }
}

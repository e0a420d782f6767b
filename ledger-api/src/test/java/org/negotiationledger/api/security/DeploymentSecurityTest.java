package org.negotiationledger.api.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.negotiationledger.api.ApiTest;
import org.negotiationledger.api.Http;
import org.negotiationledger.api.LedgerInstance;
import org.negotiationledger.api.TestUsers;

/** Sign-in as a deployment has it: refusing demo passwords, bearer tokens from a configured key, CORS. */
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
    void bearerTokensSignedWithTheConfiguredKeyCarryRolesAndThePrincipal() throws Exception {
        KeyPair key = rsa();
        Path publicKey = ApiTest.temporaryDirectory("ledger-jwt").resolve("issuer.pem");
        Files.writeString(
                publicKey,
                "-----BEGIN PUBLIC KEY-----\n"
                        + Base64.getMimeEncoder().encodeToString(key.getPublic().getEncoded())
                        + "\n-----END PUBLIC KEY-----\n");
        try (LedgerInstance ledger = LedgerInstance.start(Map.of(
                "ledger.data-dir", ApiTest.temporaryDirectory("ledger-jwt-data").toString(),
                "spring.security.oauth2.resourceserver.jwt.public-key-location",
                        publicKey.toUri().toString(),
                "ledger.security.jwt.roles-claim", "ledger_roles"))) {
            Http http = ledger.http();
            String mediator = bearer(token(key, "alice@mediation.example", List.of("mediator"), 300));
            Http.Response created = http.withAuthorization(mediator).post("/api/v1/actors", """
                    {"id": "armenia", "name": "Republic of Armenia", "kind": "STATE"}""");
            assertThat(created.status()).as(created.text()).isEqualTo(201);
            assertThat(http.as(TestUsers.AUDITOR)
                            .get("/api/v1/audit/events?aggregateId=armenia")
                            .json()
                            .get(0)
                            .get("principal")
                            .asText())
                    .isEqualTo("alice@mediation.example");

            String viewer = bearer(token(key, "bob", List.of("VIEWER"), 300));
            assertThat(http.withAuthorization(viewer).get("/api/v1/commitments").status())
                    .isEqualTo(200);
            assertThat(http.withAuthorization(viewer)
                            .post("/api/v1/actors", """
                    {"id": "azerbaijan", "name": "Republic of Azerbaijan", "kind": "STATE"}""")
                            .status())
                    .isEqualTo(403);

            Http.Response expired = http.withAuthorization(bearer(token(key, "alice", List.of("MEDIATOR"), -600)))
                    .get("/api/v1/commitments");
            assertThat(expired.status()).isEqualTo(401);
            assertThat(expired.contentType()).startsWith("application/problem+json");
            Http.Response forged = http.withAuthorization(bearer(token(rsa(), "mallory", List.of("MEDIATOR"), 300)))
                    .post("/api/v1/actors", """
                            {"id": "forged", "name": "Forged", "kind": "STATE"}""");
            assertThat(forged.status()).isEqualTo(401);
            assertThat(http.as(TestUsers.AUDITOR)
                            .get("/api/v1/audit/events?aggregateId=forged")
                            .json())
                    .isEmpty();
        }
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

    private static KeyPair rsa() throws NoSuchAlgorithmException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        return generator.generateKeyPair();
    }

    private static String token(KeyPair key, String subject, List<String> roles, long validSeconds)
            throws JOSEException {
        Instant now = Instant.now();
        SignedJWT jwt = new SignedJWT(
                new JWSHeader(JWSAlgorithm.RS256),
                new JWTClaimsSet.Builder()
                        .subject(subject)
                        .claim("ledger_roles", roles)
                        .issueTime(Date.from(now.minusSeconds(120)))
                        .expirationTime(Date.from(now.plusSeconds(validSeconds)))
                        .build());
        jwt.sign(new RSASSASigner(key.getPrivate()));
        return jwt.serialize();
    }

    private static String bearer(String token) {
        return "Bearer " + token;
    }
}

package org.negotiationledger.api.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
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
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.negotiationledger.api.ApiTest;
import org.negotiationledger.api.Http;
import org.negotiationledger.api.LedgerInstance;
import org.negotiationledger.api.TestUsers;

/**
 * Bearer tokens signed with the configured key: the roles and principal they carry, and the tokens refused
 * although validly signed, whose claims break the rules a configured user obeys. One server for the class.
 */
class BearerTokenTest {

    private static final KeyPair KEY = rsa();
    private static LedgerInstance ledger;
    private static Http http;

    @BeforeAll
    static void start() throws Exception {
        Path publicKey = ApiTest.temporaryDirectory("ledger-jwt").resolve("issuer.pem");
        Files.writeString(
                publicKey,
                "-----BEGIN PUBLIC KEY-----\n"
                        + Base64.getMimeEncoder().encodeToString(KEY.getPublic().getEncoded())
                        + "\n-----END PUBLIC KEY-----\n");
        ledger = LedgerInstance.start(Map.of(
                "ledger.data-dir", ApiTest.temporaryDirectory("ledger-jwt-data").toString(),
                "spring.security.oauth2.resourceserver.jwt.public-key-location",
                        publicKey.toUri().toString(),
                "ledger.security.jwt.roles-claim", "ledger_roles"));
        http = ledger.http();
    }

    @AfterAll
    static void stop() {
        ledger.close();
    }

    @Test
    void bearerTokensSignedWithTheConfiguredKeyCarryRolesAndThePrincipal() throws Exception {
        String mediator = bearer(token(KEY, claims -> claims.subject("alice@mediation.example")));
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

        // A space-separated string of roles is as good as a list.
        String viewer = bearer(token(KEY, claims -> claims.subject("bob").claim("ledger_roles", "VIEWER AUDITOR")));
        assertThat(http.withAuthorization(viewer).get("/api/v1/commitments").status())
                .isEqualTo(200);
        assertThat(http.withAuthorization(viewer).post("/api/v1/actors", """
                {"id": "azerbaijan", "name": "Republic of Azerbaijan", "kind": "STATE"}""").status())
                .isEqualTo(403);
    }

    @Test
    void anExpiredTokenOrOneSignedWithAnotherKeyIsUnauthorized() throws Exception {
        refused(token(
                KEY, claims -> claims.expirationTime(Date.from(Instant.now().minusSeconds(600)))));
        refused(token(rsa(), claims -> claims));
    }

    @Test
    void aValidlySignedTokenWithoutASubjectIsUnauthorizedNotAnInternalError() throws Exception {
        assertThat(refused(token(KEY, claims -> claims.subject(null)))
                        .json()
                        .get("detail")
                        .asText())
                .isEqualTo("the bearer token has no principal: its claim 'sub' is missing or not a string");
        refused(token(KEY, claims -> claims.subject("")));
    }

    @Test
    void aPrincipalFromATokenObeysTheRulesOfAUserName() throws Exception {
        for (String subject : List.of("alice\u0000\nroot", "alice\nroot", " alice", "alice bob", "al\u202Eice")) {
            refused(token(KEY, claims -> claims.subject(subject)));
        }
        refused(token(KEY, claims -> claims.subject("a".repeat(201))));
    }

    @Test
    void theLedgersOwnPrincipalsCannotBeClaimedByAToken() throws Exception {
        for (String subject : List.of("demo-history", "Demo-History", "operator:root", "OPERATOR:alice")) {
            refused(token(KEY, claims -> claims.subject(subject)));
        }
    }

    @Test
    void rolesMustBeTheDocumentedNamesExactly() throws Exception {
        for (Object roles : List.<Object>of(
                List.of("mediator"),
                List.of("ROLE_MEDIATOR"),
                List.of("MEDIATOR "),
                List.of("MEDIATOR", "admin"),
                List.of(),
                "mediator",
                "MEDIATOR  AUDITOR",
                List.of(1))) {
            refused(token(KEY, claims -> claims.claim("ledger_roles", roles)));
        }
        refused(token(KEY, claims -> claims.claim("ledger_roles", null)));
    }

    @Test
    void aTokenWithoutAnExpiryIsUnauthorized() throws Exception {
        refused(token(KEY, claims -> claims.expirationTime(null)));
    }

    /** A write with this token is 401 problem details with the headers, and records nothing. */
    private static Http.Response refused(String token) {
        String id = "refused-" + Math.abs(token.hashCode());
        Http.Response response = http.withAuthorization(bearer(token)).post("/api/v1/actors", """
                {"id": "%s", "name": "Refused", "kind": "STATE"}""".formatted(id));
        assertThat(response.status()).as(response.text()).isEqualTo(401);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.json().get("type").asText()).isEqualTo("urn:problem:negotiation-ledger:unauthenticated");
        assertThat(response.header("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(response.headers().allValues("WWW-Authenticate")).anyMatch(value -> value.startsWith("Bearer "));
        assertThat(http.as(TestUsers.AUDITOR)
                        .get("/api/v1/audit/events?aggregateId=" + id)
                        .json())
                .isEmpty();
        return response;
    }

    private static KeyPair rsa() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A token for a mediator, valid for five minutes, with {@code change} applied to its claims. */
    private static String token(KeyPair key, UnaryOperator<JWTClaimsSet.Builder> change) throws JOSEException {
        Instant now = Instant.now();
        SignedJWT jwt = new SignedJWT(
                new JWSHeader(JWSAlgorithm.RS256),
                change.apply(new JWTClaimsSet.Builder()
                                .subject("alice")
                                .claim("ledger_roles", List.of("MEDIATOR"))
                                .issueTime(Date.from(now.minusSeconds(120)))
                                .expirationTime(Date.from(now.plusSeconds(300))))
                        .build());
        jwt.sign(new RSASSASigner(key.getPrivate()));
        return jwt.serialize();
    }

    private static String bearer(String token) {
        return "Bearer " + token;
    }
}

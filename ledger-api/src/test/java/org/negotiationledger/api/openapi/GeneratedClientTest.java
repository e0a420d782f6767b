package org.negotiationledger.api.openapi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.negotiationledger.api.ApiTest;
import org.negotiationledger.api.TestUsers;
import org.negotiationledger.client.ApiClient;
import org.negotiationledger.client.ApiException;
import org.negotiationledger.client.api.CommandsApi;
import org.negotiationledger.client.api.ViewsApi;
import org.negotiationledger.client.model.AgreeTruceRequest;
import org.negotiationledger.client.model.Commitment;
import org.negotiationledger.client.model.OpenNegotiationRequest;
import org.negotiationledger.client.model.RegisterActorRequest;

/**
 * A client generated from the committed docs/openapi.json (openapi-generator's Java client, in this module's
 * test build) compiles and works: it records a truce and reads its status, and a refusal reaches it as the
 * documented problem.
 */
class GeneratedClientTest extends ApiTest {

    @Test
    void aGeneratedClientPostsATruceAndReadsItsStatus() throws ApiException {
        ApiClient client = new ApiClient();
        client.updateBaseUri("http://127.0.0.1:" + port);
        client.setRequestInterceptor(request -> request.header("Authorization", TestUsers.basic(TestUsers.TESTER)));
        CommandsApi commands = new CommandsApi(client);
        ViewsApi views = new ViewsApi(client);

        String a = unique("client-a");
        String b = unique("client-b");
        for (String actor : List.of(a, b)) {
            assertThat(commands.registerActor(
                                    new RegisterActorRequest()
                                            .id(actor)
                                            .name("Actor " + actor)
                                            .kind(RegisterActorRequest.KindEnum.STATE),
                                    null)
                            .getId())
                    .isEqualTo(actor);
        }
        String negotiation = commands.openNegotiation(
                        new OpenNegotiationRequest()
                                .title("Generated talks")
                                .parties(List.of(a, b))
                                .mediators(List.of()),
                        null)
                .getId();
        String truce = commands.agreeTruce(
                        new AgreeTruceRequest()
                                .negotiationId(negotiation)
                                .kind(AgreeTruceRequest.KindEnum.HUMANITARIAN_CEASEFIRE)
                                .title("A generated truce")
                                .parties(List.of(a, b))
                                .agreedAt("2020-10-10T03:00+03:00")
                                .effectiveFrom("2020-10-10T12:00+04:00"),
                        null)
                .getId();

        Commitment commitment = await().atMost(Duration.ofSeconds(20))
                .ignoreExceptions()
                .until(() -> views.commitment(truce, null, null), c -> c != null);
        assertThat(commitment.getStatus()).isEqualTo(Commitment.StatusEnum.HOLDING);
        assertThat(commitment.getNegotiationId()).isEqualTo(negotiation);
        assertThat(commitment.getFirstViolation()).isNull();

        assertThatThrownBy(() -> commands.registerActor(
                        new RegisterActorRequest().id(a).name("Again").kind(RegisterActorRequest.KindEnum.STATE), null))
                .isInstanceOfSatisfying(ApiException.class, refused -> {
                    assertThat(refused.getCode()).isEqualTo(409);
                    assertThat(refused.getResponseBody()).contains("urn:problem:negotiation-ledger:duplicate-id");
                });
    }
}

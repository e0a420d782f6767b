package org.negotiationledger.api.problem;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** Every refusal the ledger can answer is in the contract: a new type cannot ship undocumented. */
class ProblemTypeTest {

    @Test
    void everyProblemTypeIsInTheContractsTableOfErrors() throws IOException {
        String contract = Files.readString(Path.of("..", "docs", "http-api.md"));
        for (ProblemType type : ProblemType.values()) {
            String name = type.uri().toString().substring("urn:problem:negotiation-ledger:".length());
            assertThat(contract)
                    .as("docs/http-api.md lists %s", type)
                    .contains("| `" + type.status().value() + "` | `" + name + "` |");
        }
    }

    @Test
    void answersByStatusAloneHaveTheirOwnTypeOrAGeneralOne() {
        assertThat(ProblemType.forStatus(405)).isEqualTo(ProblemType.METHOD_NOT_ALLOWED);
        assertThat(ProblemType.forStatus(418)).isEqualTo(ProblemType.MALFORMED_REQUEST);
        assertThat(ProblemType.forStatus(501)).isEqualTo(ProblemType.INTERNAL_ERROR);
        assertThat(Arrays.stream(ProblemType.values()).map(ProblemType::uri).distinct())
                .hasSize(ProblemType.values().length);
    }
}

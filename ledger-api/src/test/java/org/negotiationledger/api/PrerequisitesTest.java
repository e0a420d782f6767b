package org.negotiationledger.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;
import org.opentest4j.TestAbortedException;

/** A missing PostgreSQL or browser skips a contributor's test but fails CI's, naming what is missing. */
class PrerequisitesTest {

    private static final String WHY = "no /usr/bin/chromium or /usr/bin/chromedriver";

    @Test
    void aMissingServiceSkipsTheTestOutsideCi() {
        assertThatThrownBy(() -> Prerequisites.missing(Map.of(), WHY))
                .isInstanceOf(TestAbortedException.class)
                .hasMessageContaining(WHY);
        assertThatThrownBy(() -> Prerequisites.missing(Map.of("CI", "false"), WHY))
                .isInstanceOf(TestAbortedException.class);
    }

    @Test
    void aMissingServiceFailsTheTestUnderCiNamingIt() {
        assertThatThrownBy(() -> Prerequisites.missing(Map.of("CI", "true"), WHY))
                .isInstanceOf(AssertionFailedError.class)
                .hasMessageContaining(WHY)
                .hasMessageContaining("CI=true");
    }

    @Test
    void aPostgresqlThatDoesNotAnswerIsNamedWithItsAddress() {
        // port 1 on loopback: nothing listens there
        String why = PostgresSchemas.unavailable("jdbc:postgresql://127.0.0.1:1/test");
        assertThat(why).contains("127.0.0.1:1");
    }
}

package org.negotiationledger.core.commitment;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The one rule of when a commitment stops being in force, as the aggregate and the views both apply it. */
class EndOfForceTest {

    private static final Instant MONDAY = Instant.parse("2020-10-12T00:00:00Z");
    private static final Instant TUESDAY = Instant.parse("2020-10-13T00:00:00Z");

    @Test
    void nothingEndsACommitmentWithoutAnEndAnExpiryOrASupersession() {
        assertThat(EndOfForce.earliest(null, null, null, null)).isNull();
    }

    @Test
    void theEarliestOfItsEndsEndsIt() {
        assertThat(EndOfForce.earliest(EndReason.COLLAPSED, TUESDAY, null, MONDAY))
                .isEqualTo(new EndOfForce(EndReason.SUPERSEDED, MONDAY));
        assertThat(EndOfForce.earliest(EndReason.COLLAPSED, TUESDAY, MONDAY, null))
                .isEqualTo(new EndOfForce(EndReason.EXPIRED, MONDAY));
    }

    @Test
    void onATieTheExplicitEndNamesTheReasonThenTheExpiry() {
        assertThat(EndOfForce.earliest(EndReason.TERMINATED, MONDAY, MONDAY, MONDAY))
                .isEqualTo(new EndOfForce(EndReason.TERMINATED, MONDAY));
        assertThat(EndOfForce.earliest(null, null, MONDAY, MONDAY))
                .isEqualTo(new EndOfForce(EndReason.EXPIRED, MONDAY));
    }
}

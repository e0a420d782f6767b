package org.negotiationledger.api.storage;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.SQLExceptionOverride.Override;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;

/** The pool drops a connection H2 closed under it, and leaves the judgement of any other failure to Hikari. */
class BrokenConnectionsTest {

    @Test
    void aConnectionToAClosedDatabaseIsDroppedAndOthersAreLeftToThePool() {
        BrokenConnections broken = new BrokenConnections();
        assertThat(broken.adjudicate(new SQLException("The database has been closed", "90098", 90098)))
                .isEqualTo(Override.MUST_EVICT);
        assertThat(broken.adjudicate(new SQLException("duplicate key", "23505")))
                .isEqualTo(Override.CONTINUE_EVICT);
    }
}

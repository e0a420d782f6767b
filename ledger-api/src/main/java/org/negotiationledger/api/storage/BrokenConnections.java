package org.negotiationledger.api.storage;

import com.zaxxer.hikari.SQLExceptionOverride;
import java.sql.SQLException;
import org.negotiationledger.api.problem.StorageFailure;

/**
 * Tells the connection pool to drop a connection that met a storage failure. H2 closes its database when a write
 * fails (a full disk), and every pooled connection then answers "database closed" (90098), which Hikari, looking
 * for SQLState class 08, would hand out again for ever; a new connection to the file URL opens the database
 * again, so once space is back the server serves again without a restart. Named in
 * {@code spring.datasource.hikari.exception-override-class-name}.
 */
public class BrokenConnections implements SQLExceptionOverride {

    @java.lang.Override
    public Override adjudicate(SQLException failure) {
        return StorageFailure.in(failure) != null ? Override.MUST_EVICT : Override.CONTINUE_EVICT;
    }
}

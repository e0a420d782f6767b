package org.negotiationledger.api.audit;

import org.junit.jupiter.api.extension.ExtendWith;
import org.negotiationledger.api.OnPostgres;
import org.negotiationledger.api.TestDatabase;

/** Tampering with PostgreSQL; skipped, saying so, where none answers. */
@ExtendWith(OnPostgres.class)
class PostgresTamperTest extends TamperContract {

    @Override
    TestDatabase database() {
        return TestDatabase.postgres();
    }
}

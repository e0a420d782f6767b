package org.negotiationledger.api.audit;

import org.negotiationledger.api.TestDatabase;

/** Tampering with the embedded H2 database. */
class H2TamperTest extends TamperContract {

    @Override
    TestDatabase database() {
        return TestDatabase.h2("ledger-tamper");
    }
}

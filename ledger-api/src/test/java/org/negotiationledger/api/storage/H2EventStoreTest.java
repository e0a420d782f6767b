package org.negotiationledger.api.storage;

import org.negotiationledger.api.TestDatabase;

/** The event store on the embedded default: H2 in a file. */
class H2EventStoreTest extends EventStoreContract {

    @Override
    TestDatabase database() {
        return TestDatabase.h2("ledger-h2");
    }
}

package org.negotiationledger.api.store;

import java.util.Map;
import org.negotiationledger.api.ApiTest;

/** The event store on the embedded default: H2 in a file. */
class H2EventStoreTest extends EventStoreContract {

    @Override
    Map<String, String> database() {
        return Map.of("ledger.data-dir", ApiTest.temporaryDirectory("ledger-h2").toString());
    }
}

package org.negotiationledger.api.audit;

import java.util.Map;
import org.negotiationledger.api.ApiTest;

/** Tampering with the embedded H2 database. */
class H2TamperTest extends TamperContract {

    @Override
    Map<String, String> database() {
        return Map.of(
                "ledger.data-dir", ApiTest.temporaryDirectory("ledger-tamper").toString());
    }
}

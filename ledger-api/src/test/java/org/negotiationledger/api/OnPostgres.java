package org.negotiationledger.api;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * For a class of tests that need PostgreSQL ({@code @ExtendWith(OnPostgres.class)}): skipped, saying why, where
 * none answers; the schemas its servers made are dropped after it.
 */
public final class OnPostgres implements BeforeAllCallback, AfterAllCallback {

    @Override
    public void beforeAll(ExtensionContext context) {
        PostgresSchemas.assumeAvailable(context.getRequiredTestClass().getSimpleName() + " tests");
    }

    @Override
    public void afterAll(ExtensionContext context) throws Exception {
        PostgresSchemas.dropAll();
    }
}

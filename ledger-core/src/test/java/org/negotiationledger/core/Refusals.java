package org.negotiationledger.core;

import static org.hamcrest.Matchers.containsString;

import org.axonframework.test.aggregate.TestExecutor;

/** The one way a rule's test says a command is refused: the refusal expected, and nothing recorded. */
public final class Refusals {

    private Refusals() {}

    /**
     * After {@code history}, {@code command} is refused with {@code refusal}, its message saying {@code saying},
     * and records no event. The message is required: a refusal of the right class for the wrong reason (another
     * rule firing first) would otherwise pass.
     */
    public static void assertRefused(
            TestExecutor<?> history, Object command, Class<? extends Throwable> refusal, String saying) {
        history.when(command)
                .expectException(refusal)
                .expectExceptionMessage(containsString(saying))
                .expectNoEvents();
    }
}

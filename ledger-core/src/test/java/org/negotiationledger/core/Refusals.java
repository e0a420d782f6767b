package org.negotiationledger.core;

import static org.hamcrest.Matchers.containsString;

import org.axonframework.test.aggregate.TestExecutor;

/** The one way a rule's test says a command is refused: the refusal expected, and nothing recorded. */
public final class Refusals {

    private Refusals() {}

    /** After {@code history}, {@code command} is refused with {@code refusal} and records no event. */
    public static void assertRefused(TestExecutor<?> history, Object command, Class<? extends Throwable> refusal) {
        history.when(command).expectException(refusal).expectNoEvents();
    }

    /** As {@link #assertRefused(TestExecutor, Object, Class)}, the refusal's message saying {@code saying}. */
    public static void assertRefused(
            TestExecutor<?> history, Object command, Class<? extends Throwable> refusal, String saying) {
        history.when(command)
                .expectException(refusal)
                .expectExceptionMessage(containsString(saying))
                .expectNoEvents();
    }
}

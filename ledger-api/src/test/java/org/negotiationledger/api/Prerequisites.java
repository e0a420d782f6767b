package org.negotiationledger.api;

import java.util.Map;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * What to do when something a test needs from the machine is missing (PostgreSQL, Chromium, curl): on a
 * contributor's machine the test is skipped, saying why; under CI ({@code CI=true}, as {@code .ci/run} runs) it
 * fails, naming what is missing, because a green build that skipped the PostgreSQL or browser tests would
 * claim what it never checked.
 */
public final class Prerequisites {

    private Prerequisites() {}

    /** Whether this run is CI's, where nothing may be skipped for want of a service. */
    public static boolean underCi() {
        return underCi(System.getenv());
    }

    static boolean underCi(Map<String, String> environment) {
        return "true".equalsIgnoreCase(environment.get("CI"));
    }

    /** Skips the calling test, or under CI fails it, saying {@code why}. */
    public static void missing(String why) {
        missing(System.getenv(), why);
    }

    static void missing(Map<String, String> environment, String why) {
        if (underCi(environment)) {
            Assertions.fail(why + " (CI=true: nothing is skipped under CI; install or start it in .ci/run)");
        }
        Assumptions.abort(why);
    }

    /** {@link #missing(String)} unless {@code present}. */
    public static void require(boolean present, String why) {
        if (!present) {
            missing(why);
        }
    }
}

package org.negotiationledger.api.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/**
 * The throttle's rules at the documented limits (10 per user name, 50 per address, 5 per address and user name,
 * within 5 minutes), on a clock the test moves: only an address that failed ever waits, never an account.
 */
class FailedSignInsTest {

    private final MovableClock clock = new MovableClock();
    private final FailedSignIns throttle =
            new FailedSignIns(new SecurityProperties.SignIns(10, 50, 5, Duration.ofMinutes(5)), clock);

    @Test
    void failuresFromOneAddressNeverMakeAnotherWait() {
        int checked = 0;
        for (int i = 0; i < 12; i++) {
            if (throttle.waitFor("192.0.2.1", "mediator").isZero()) {
                checked++;
                throttle.failed("192.0.2.1", "mediator");
            }
        }
        assertThat(checked).isEqualTo(5);
        assertThat(throttle.waitFor("192.0.2.1", "mediator")).isEqualTo(Duration.ofMinutes(5));
        assertThat(throttle.waitFor("192.0.2.1", "MEDIATOR")).isEqualTo(Duration.ofMinutes(5));
        assertThat(throttle.waitFor("192.0.2.2", "mediator")).isZero();
        assertThat(throttle.waitFor("192.0.2.1", "auditor")).isZero();

        clock.move(Duration.ofMinutes(5));
        assertThat(throttle.waitFor("192.0.2.1", "mediator")).isZero();
    }

    @Test
    void theWaitLastsUntilTheOldestFailureThatCountsLeavesTheWindow() {
        for (int i = 0; i < 5; i++) {
            throttle.failed("192.0.2.1", "mediator");
            clock.move(Duration.ofMinutes(1));
        }
        // Failures at 0, 1, 2, 3 and 4 minutes; now is 5: the first has just left the window.
        assertThat(throttle.waitFor("192.0.2.1", "mediator")).isZero();
        throttle.failed("192.0.2.1", "mediator");
        assertThat(throttle.waitFor("192.0.2.1", "mediator")).isEqualTo(Duration.ofMinutes(1));
    }

    @Test
    void aNameUnderAttackGivesEachAddressThatFailedForItNoFurtherTryButTheOthersTheirs() {
        for (int i = 1; i <= 9; i++) {
            throttle.failed("198.51.100." + i, "mediator");
        }
        assertThat(throttle.waitFor("198.51.100.1", "mediator")).isZero();
        throttle.failed("198.51.100.10", "mediator");
        // Ten failures for the name: each address that made one waits until it leaves the window...
        for (int i = 1; i <= 10; i++) {
            assertThat(throttle.waitFor("198.51.100." + i, "mediator")).isPositive();
        }
        // ...and one that has not failed for it is checked, so the right password signs in from there.
        assertThat(throttle.waitFor("198.51.100.11", "mediator")).isZero();
        throttle.succeeded("198.51.100.11", "mediator");
        assertThat(throttle.waitFor("198.51.100.12", "mediator")).isZero();
        throttle.failed("198.51.100.12", "mediator");
        assertThat(throttle.waitFor("198.51.100.12", "mediator")).isEqualTo(Duration.ofMinutes(5));

        clock.move(Duration.ofMinutes(5));
        assertThat(throttle.waitFor("198.51.100.1", "mediator")).isZero();
    }

    @Test
    void anAddressThatFailsTooOftenWaitsWhateverTheName() {
        for (int i = 0; i < 50; i++) {
            throttle.failed("192.0.2.7", "guess-" + i);
        }
        assertThat(throttle.waitFor("192.0.2.7", "auditor")).isEqualTo(Duration.ofMinutes(5));
        assertThat(throttle.waitFor("192.0.2.7", null)).isEqualTo(Duration.ofMinutes(5));
        assertThat(throttle.waitFor("192.0.2.8", "auditor")).isZero();
    }

    @Test
    void aSuccessClearsTheCountOfItsAddressAndNameOnly() {
        for (int i = 0; i < 4; i++) {
            throttle.failed("192.0.2.1", "mediator");
        }
        throttle.succeeded("192.0.2.1", "mediator");
        for (int i = 0; i < 4; i++) {
            assertThat(throttle.waitFor("192.0.2.1", "mediator")).isZero();
            throttle.failed("192.0.2.1", "mediator");
        }
        // Eight failures for the name still count towards its limit (10), from whichever address.
        throttle.failed("192.0.2.2", "mediator");
        throttle.failed("192.0.2.3", "mediator");
        assertThat(throttle.waitFor("192.0.2.2", "mediator")).isPositive();
    }

    @Test
    void anIpv6AddressCountsByItsSlash64() {
        for (int i = 1; i <= 5; i++) {
            throttle.failed("2001:db8:0:0:0:0:0:" + i, "mediator");
        }
        assertThat(throttle.waitFor("2001:db8::ff", "mediator")).isPositive();
        assertThat(throttle.waitFor("2001:db8:0:1::1", "mediator")).isZero();
        assertThat(throttle.waitFor("::ffff:192.0.2.1", "mediator")).isZero();
    }

    @Test
    void limitsSetToZeroAreOff() {
        FailedSignIns off = new FailedSignIns(new SecurityProperties.SignIns(0, 0, 0, Duration.ofMinutes(5)), clock);
        for (int i = 0; i < 100; i++) {
            off.failed("192.0.2.1", "mediator");
        }
        assertThat(off.waitFor("192.0.2.1", "mediator")).isZero();
    }

    /** A clock that stands still until the test moves it. */
    private static final class MovableClock extends Clock {

        private Instant now = Instant.parse("2026-01-01T00:00:00Z");

        void move(Duration by) {
            now = now.plus(by);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }
}

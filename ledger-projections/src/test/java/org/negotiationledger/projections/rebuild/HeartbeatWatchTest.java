package org.negotiationledger.projections.rebuild;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class HeartbeatWatchTest {

    @Test
    void aHeartbeatSeenForTheFirstTimeOrMovingHasNotStalled() {
        HeartbeatWatch watch = new HeartbeatWatch(Duration.ZERO);
        assertThat(watch.stalled(7)).isFalse();
        assertThat(watch.stalled(8)).isFalse();
    }

    @Test
    void aHeartbeatStandingStillForTheTimeoutHasStalled() {
        HeartbeatWatch watch = new HeartbeatWatch(Duration.ZERO);
        watch.stalled(7);
        assertThat(watch.stalled(7)).isTrue();
    }

    @Test
    void aHeartbeatStandingStillForLessThanTheTimeoutHasNotStalled() {
        HeartbeatWatch watch = new HeartbeatWatch(Duration.ofHours(1));
        watch.stalled(7);
        assertThat(watch.stalled(7)).isFalse();
    }
}

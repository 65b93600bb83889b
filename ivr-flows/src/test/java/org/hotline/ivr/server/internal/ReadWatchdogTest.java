package org.hotline.ivr.server.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** How often the read watchdog looks, for the read timeouts a deployment may set. */
class ReadWatchdogTest {

    @Test
    void shouldLookATenthOfTheTimeoutApartWithinItsBounds() {
        assertThat(ReadWatchdog.period(Duration.ofMillis(500))).isEqualTo(Duration.ofMillis(50));
        assertThat(ReadWatchdog.period(Duration.ofSeconds(5))).isEqualTo(Duration.ofMillis(500));
        // the default half hour: once a second, not every three minutes
        assertThat(ReadWatchdog.period(Duration.ofMinutes(30))).isEqualTo(ReadWatchdog.MAX_PERIOD);
        // a tiny timeout in a test: no busy loop
        assertThat(ReadWatchdog.period(Duration.ofMillis(20))).isEqualTo(ReadWatchdog.MIN_PERIOD);
    }
}

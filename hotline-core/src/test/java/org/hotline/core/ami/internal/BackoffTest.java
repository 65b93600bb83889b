package org.hotline.core.ami.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class BackoffTest {

    @Test
    void shouldDoubleFromTheMinimumUntilTheCapWhenJitterIsAtItsTop() {
        // given
        Backoff backoff = new Backoff(Duration.ofMillis(500), Duration.ofSeconds(30), () -> 0.999_999);
        // when / then
        assertThat(backoff.delay(0)).isEqualTo(Duration.ofMillis(499));
        assertThat(backoff.delay(1)).isEqualTo(Duration.ofMillis(999));
        assertThat(backoff.delay(3)).isEqualTo(Duration.ofMillis(3_999));
        assertThat(backoff.delay(6)).isEqualTo(Duration.ofMillis(29_999));
        assertThat(backoff.delay(60)).isEqualTo(Duration.ofMillis(29_999));
    }

    @Test
    void shouldNeverWaitLessThanHalfTheStepWhenJitterIsAtItsBottom() {
        // given
        Backoff backoff = new Backoff(Duration.ofMillis(500), Duration.ofSeconds(30), () -> 0.0);
        // when / then
        assertThat(backoff.delay(0)).isEqualTo(Duration.ofMillis(250));
        assertThat(backoff.delay(10)).isEqualTo(Duration.ofSeconds(15));
    }

    @Test
    void shouldSpreadWaitsOfTheSameAttemptAcrossTheJitterRange() {
        // given
        Backoff low = new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(8), () -> 0.25);
        Backoff high = new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(8), () -> 0.75);
        // when / then
        assertThat(low.delay(2)).isEqualTo(Duration.ofMillis(2_500));
        assertThat(high.delay(2)).isEqualTo(Duration.ofMillis(3_500));
    }
}

package org.hotline.core.referral.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;

class BackoffPolicyTest {

    private static final Duration BASE = Duration.ofSeconds(2);
    private static final Duration MAX = Duration.ofMinutes(15);

    @Test
    void shouldDoubleStepDuringFastRetriesThenStayAtMaximum() {
        // given
        BackoffPolicy policy = new BackoffPolicy(5, BASE, MAX, new SplittableRandom(1));

        // when / then
        assertThat(policy.step(1)).isEqualTo(Duration.ofSeconds(2));
        assertThat(policy.step(2)).isEqualTo(Duration.ofSeconds(4));
        assertThat(policy.step(5)).isEqualTo(Duration.ofSeconds(32));
        assertThat(policy.step(6)).isEqualTo(MAX);
        assertThat(policy.step(500)).isEqualTo(MAX);
    }

    @Test
    void shouldCapFastStepAtMaximumWithoutOverflow() {
        // given
        BackoffPolicy policy = new BackoffPolicy(100, BASE, MAX, new SplittableRandom(1));

        // when / then
        assertThat(policy.step(10)).isEqualTo(MAX);
        assertThat(policy.step(64)).isEqualTo(MAX);
        assertThat(policy.step(100)).isEqualTo(MAX);
    }

    @Test
    void shouldKeepJitteredDelayWithinHalfStepAndStep() {
        // given
        BackoffPolicy policy = new BackoffPolicy(5, BASE, MAX, new SplittableRandom(42));

        // when / then
        for (int failures = 1; failures <= 12; failures++) {
            Duration step = policy.step(failures);
            for (int i = 0; i < 200; i++) {
                assertThat(policy.delayAfter(failures)).isBetween(step.dividedBy(2), step);
            }
        }
    }

    @Test
    void shouldReachBothEndsOfJitterRange() {
        // given: random generators that always answer the lowest and the highest value
        BackoffPolicy low = new BackoffPolicy(5, BASE, MAX, fixed(0));
        BackoffPolicy high = new BackoffPolicy(5, BASE, MAX, fixed(Long.MAX_VALUE));

        // when / then
        assertThat(low.delayAfter(3)).isEqualTo(Duration.ofSeconds(4));
        assertThat(high.delayAfter(3)).isEqualTo(Duration.ofSeconds(8));
    }

    @Test
    void shouldRefuseNonsensicalSettings() {
        assertThatThrownBy(() -> new BackoffPolicy(-1, BASE, MAX, new SplittableRandom()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new BackoffPolicy(3, MAX, BASE, new SplittableRandom()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new BackoffPolicy(3, BASE, MAX, new SplittableRandom()).step(0))
                .isInstanceOf(IllegalArgumentException.class);
    }

    /** Answers {@code nextLong(bound)} with {@code value} clamped into {@code [0, bound)}. */
    private static RandomGenerator fixed(long value) {
        return new RandomGenerator() {
            @Override
            public long nextLong() {
                return value;
            }

            @Override
            public long nextLong(long bound) {
                return Math.min(value, bound - 1);
            }
        };
    }
}

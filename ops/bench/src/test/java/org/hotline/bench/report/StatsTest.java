package org.hotline.bench.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class StatsTest {

    @Test
    void shouldReportPercentilesInMillisecondsWhenValuesWereRecorded() {
        // given: 1..1000 microseconds
        Stats stats = new Stats();
        for (int us = 1; us <= 1_000; us++) {
            stats.recordNanos(us * 1_000L);
        }

        // when
        Stats.Latency latency = stats.summary();

        // then
        assertThat(latency.count()).isEqualTo(1_000);
        assertThat(latency.p50Ms()).isCloseTo(0.5, within(0.001));
        assertThat(latency.p99Ms()).isCloseTo(0.99, within(0.001));
        assertThat(latency.maxMs()).isCloseTo(1.0, within(0.001));
    }

    @Test
    void shouldReportZerosWhenNothingWasRecorded() {
        assertThat(new Stats().summary()).isEqualTo(new Stats.Latency(0, 0, 0, 0, 0, 0));
    }

    @Test
    void shouldClampNegativeAndHugeValuesInsteadOfFailing() {
        // given
        Stats stats = new Stats();

        // when
        stats.recordNanos(-5);
        stats.recordNanos(Long.MAX_VALUE);

        // then
        assertThat(stats.count()).isEqualTo(2);
        assertThat(stats.summary().maxMs()).isGreaterThan(500_000);
    }
}

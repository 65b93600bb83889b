package org.hotline.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.hotline.bench.pathway.PathwayBench;
import org.junit.jupiter.api.Test;
import org.openjdk.jmh.util.ListStatistics;

class BenchPlanTest {

    /**
     * How far one measured iteration of the pathway benchmark strayed from the mean (one standard deviation, as a
     * share of the score) in the noisiest run of record: its 30 iterations gave JMH ± 14.3 % at 10 rules.
     */
    private static final double NOISY_SPREAD = 0.21;

    @Test
    void shouldMeasureEnoughPathwayIterationsThatANoisyRunStaysUnderTheTrustTargetsTenPercent() {
        // given
        PathwayBench.Settings full = BenchPlan.full().pathway();

        // when
        double error = relativeError(full.forks() * full.iterations(), NOISY_SPREAD);

        // then
        assertThat(full.forks()).as("forks average out one JVM's inlining choices").isGreaterThanOrEqualTo(5);
        assertThat(error).isLessThan(0.10);
    }

    @Test
    void shouldTakeItsNoisySpreadFromTheRunOfRecordWhoseThirtyIterationsMissedTheTarget() {
        // when: the noisy run's 3 forks of 10 iterations at that spread
        double error = relativeError(3 * 10, NOISY_SPREAD);

        // then: the error that run reported, over the target
        assertThat(error).isCloseTo(0.143, within(0.005)).isGreaterThan(0.10);
    }

    /** JMH's 99.9 % error of the mean over {@code n} iterations whose spread is {@code spread} of the score. */
    private static double relativeError(int n, double spread) {
        ListStatistics iterations = new ListStatistics();
        for (int i = 0; i < n; i++) {
            iterations.addValue(1 + (i % 2 == 0 ? spread : -spread));
        }
        return iterations.getMeanErrorAt(0.999) / iterations.getMean();
    }
}

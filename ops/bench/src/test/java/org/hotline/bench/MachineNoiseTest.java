package org.hotline.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class MachineNoiseTest {

    @Test
    void shouldReadTheOneMinuteLoadAndNothingFromGarbage() {
        assertThat(MachineNoise.load("2.04 3.05 2.89 5/220 25789\n")).contains(2.04);
        assertThat(MachineNoise.load("")).isEmpty();
        assertThat(MachineNoise.load("busy")).isEmpty();
    }

    @Test
    void shouldTakeStealAsAShareOfAllTimeBetweenTwoSamples() {
        // given: two cpu lines 1,000 ticks apart, 50 of them stolen
        long[] start = MachineNoise.cpu("cpu  100 0 100 700 0 0 0 100 0 0\ncpu0 1 2 3 4 5 6 7 8\n").orElseThrow();
        long[] end = MachineNoise.cpu("cpu  400 0 200 1250 0 0 0 150 0 0\n").orElseThrow();
        // then
        assertThat(MachineNoise.stealPercent(start, end)).isCloseTo(5.0, within(1e-9));
        assertThat(MachineNoise.cpu("intr 1 2 3")).isEmpty();
    }

    @Test
    void shouldSayWhatItSampledOnThisMachine() throws Exception {
        try (MachineNoise noise = new MachineNoise().start()) {
            // the first sample is taken at once on the sampler's thread
            org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(10))
                    .until(() -> noise.summary(2).contains("mean"));
            assertThat(noise.summary(2)).contains("on 2 CPUs", "steal");
        }
    }
}

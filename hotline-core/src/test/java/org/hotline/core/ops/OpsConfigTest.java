package org.hotline.core.ops;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class OpsConfigTest {

    @Test
    void shouldRefuseANegativeDrainTimeoutOrATooShortSampleInterval() {
        // when / then
        assertThatThrownBy(() -> new OpsConfig(Duration.ofSeconds(-1), Duration.ofSeconds(15)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("HOTLINE_DRAIN_TIMEOUT");
        assertThatThrownBy(() -> new OpsConfig(Duration.ofSeconds(60), Duration.ofMillis(10)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("HOTLINE_METRICS_SAMPLE_INTERVAL");
    }

    @Test
    void shouldRefuseABackgroundNiceOutsideZeroToNineteen() {
        // when / then
        assertThatThrownBy(() -> new OpsConfig(Duration.ofSeconds(60), Duration.ofSeconds(15), 20))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("HOTLINE_BACKGROUND_NICE");
        assertThatThrownBy(() -> new OpsConfig(Duration.ofSeconds(60), Duration.ofSeconds(15), -1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("HOTLINE_BACKGROUND_NICE");
    }
}

package org.hotline.core.pathway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PathwayLifecycleConfigTest {

    @Test
    void shouldUseDefaultsWhenNothingIsSet() {
        // when
        PathwayLifecycleConfig config = PathwayLifecycleConfig.fromEnv(Map.of());

        // then
        assertThat(config.pollInterval()).isEqualTo(Duration.ofSeconds(2));
        assertThat(config.maxYamlBytes()).isEqualTo(256 * 1024);
    }

    @Test
    void shouldReadPollIntervalAndSizeLimit() {
        // when
        PathwayLifecycleConfig config = PathwayLifecycleConfig.fromEnv(
                Map.of("HOTLINE_PATHWAY_POLL", "500ms", "HOTLINE_PATHWAY_MAX_BYTES", "65536"));

        // then
        assertThat(config.pollInterval()).isEqualTo(Duration.ofMillis(500));
        assertThat(config.maxYamlBytes()).isEqualTo(65536);
    }

    @ParameterizedTest
    @ValueSource(strings = {"soon", "2h", "5ms", "-1s", "11m"})
    void shouldRefuseABadPollIntervalNamingTheVariable(String value) {
        assertThatThrownBy(() -> PathwayLifecycleConfig.fromEnv(Map.of("HOTLINE_PATHWAY_POLL", value)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("HOTLINE_PATHWAY_POLL");
    }

    @ParameterizedTest
    @ValueSource(strings = {"lots", "100", "1.5"})
    void shouldRefuseABadSizeLimitNamingTheVariable(String value) {
        assertThatThrownBy(() -> PathwayLifecycleConfig.fromEnv(Map.of("HOTLINE_PATHWAY_MAX_BYTES", value)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("HOTLINE_PATHWAY_MAX_BYTES");
    }
}

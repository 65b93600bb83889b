package org.hotline.core.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.ZoneId;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StatsConfigTest {

    @Test
    void shouldUseCtdcKAndFiveAsMinimumCellByDefault() {
        // given / when
        StatsConfig config = StatsConfig.fromEnv(Map.of());
        // then
        assertThat(config).isEqualTo(new StatsConfig(5, 11, ZoneId.of("UTC")));
    }

    @Test
    void shouldReadTheVariables() {
        // given / when
        StatsConfig config = StatsConfig.fromEnv(Map.of("HOTLINE_STATS_MIN_CELL", "10", "HOTLINE_EXPORT_K", "20",
                "HOTLINE_STATS_ZONE", "Africa/Monrovia"));
        // then
        assertThat(config).isEqualTo(new StatsConfig(10, 20, ZoneId.of("Africa/Monrovia")));
    }

    @Test
    void shouldKeepTheSurveyOffUnlessSwitchedOn() {
        // given / when / then
        assertThat(StatsConfig.fromEnv(Map.of()).survey()).isFalse();
        assertThat(StatsConfig.fromEnv(Map.of("HOTLINE_SURVEY", "off")).survey()).isFalse();
        assertThat(StatsConfig.fromEnv(Map.of("HOTLINE_SURVEY", " ON ")).survey()).isTrue();
        assertThatThrownBy(() -> StatsConfig.fromEnv(Map.of("HOTLINE_SURVEY", "maybe")))
                .hasMessageContaining("HOTLINE_SURVEY='maybe'").hasMessageContaining("on or off");
    }

    @Test
    void shouldFailNamingTheVariableWhenAValueIsBad() {
        // given / when / then
        assertThatThrownBy(() -> StatsConfig.fromEnv(Map.of("HOTLINE_EXPORT_K", "1")))
                .hasMessageContaining("HOTLINE_EXPORT_K='1'");
        assertThatThrownBy(() -> StatsConfig.fromEnv(Map.of("HOTLINE_STATS_MIN_CELL", "five")))
                .hasMessageContaining("HOTLINE_STATS_MIN_CELL='five'");
        assertThatThrownBy(() -> StatsConfig.fromEnv(Map.of("HOTLINE_STATS_ZONE", "Mars/Olympus")))
                .hasMessageContaining("HOTLINE_STATS_ZONE='Mars/Olympus'");
    }
}

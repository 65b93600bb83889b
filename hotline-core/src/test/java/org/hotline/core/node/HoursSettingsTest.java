package org.hotline.core.node;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HoursSettingsTest {

    private static final Clock SYSTEM = Clock.fixed(Instant.parse("2030-01-01T12:00:00Z"), ZoneOffset.UTC);

    @Test
    void shouldUseTheRealClockAndTwoOpeningHoursByDefault() {
        // when
        HoursSettings settings = HoursSettings.fromEnv(Map.of());

        // then
        assertThat(settings.afterHoursReviewWithin()).isEqualTo(Duration.ofHours(2));
        assertThat(settings.clock(SYSTEM).instant()).isEqualTo(SYSTEM.instant());
    }

    @Test
    void shouldStartTheClockAtTheConfiguredInstant() {
        // when
        HoursSettings settings = HoursSettings.fromEnv(Map.of("HOTLINE_CLOCK", "2026-11-24T23:00:00Z",
                "HOTLINE_AFTER_HOURS_REVIEW_WITHIN", "30m"));

        // then
        assertThat(settings.clock(SYSTEM).instant()).isEqualTo(Instant.parse("2026-11-24T23:00:00Z"));
        assertThat(settings.afterHoursReviewWithin()).isEqualTo(Duration.ofMinutes(30));
    }

    @Test
    void shouldRefuseABadClockOrReviewTimeNamingTheVariable() {
        // when / then
        assertThatThrownBy(() -> HoursSettings.fromEnv(Map.of("HOTLINE_CLOCK", "tonight")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("HOTLINE_CLOCK");
        assertThatThrownBy(() -> HoursSettings.fromEnv(Map.of("HOTLINE_AFTER_HOURS_REVIEW_WITHIN", "0s")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("HOTLINE_AFTER_HOURS_REVIEW_WITHIN");
    }
}

package org.hotline.core.node;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PrivacySettingsTest {

    @Test
    void shouldPurgeClosedTipsAfterAYearByDefaultAndKeepOpenOnes() {
        // when
        PrivacySettings settings = PrivacySettings.fromEnv(Map.of());
        // then
        assertThat(settings.retention().byStatus()).containsExactly(Map.entry("CLOSED", Duration.ofDays(365)));
        assertThat(settings.retention().interval()).isEqualTo(Duration.ofHours(1));
        assertThat(settings.rotationInterval()).isEqualTo(Duration.ofMinutes(5));
    }

    @Test
    void shouldReadRetentionPerStatus() {
        // when
        PrivacySettings settings = PrivacySettings.fromEnv(Map.of("HOTLINE_RETENTION_CLOSED_DAYS", "90",
                "HOTLINE_RETENTION_REVIEW_DAYS", "30", "HOTLINE_RETENTION_INTERVAL", "10m",
                "HOTLINE_KEY_ROTATION_INTERVAL", "30s"));
        // then
        assertThat(settings.retention().byStatus()).containsEntry("CLOSED", Duration.ofDays(90))
                .containsEntry("REVIEW", Duration.ofDays(30)).doesNotContainKey("REFERRED");
        assertThat(settings.retention().interval()).isEqualTo(Duration.ofMinutes(10));
        assertThat(settings.rotationInterval()).isEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void shouldRefuseBadValuesNamingTheVariable() {
        assertThatThrownBy(() -> PrivacySettings.fromEnv(Map.of("HOTLINE_RETENTION_CLOSED_DAYS", "0")))
                .hasMessageContaining("HOTLINE_RETENTION_CLOSED_DAYS");
        assertThatThrownBy(() -> PrivacySettings.fromEnv(Map.of("HOTLINE_RETENTION_CLOSED_DAYS", "a year")))
                .hasMessageContaining("HOTLINE_RETENTION_CLOSED_DAYS");
        assertThatThrownBy(() -> PrivacySettings.fromEnv(Map.of("HOTLINE_RETENTION_INTERVAL", "-1h")))
                .hasMessageContaining("HOTLINE_RETENTION_INTERVAL");
        assertThatThrownBy(() -> PrivacySettings.fromEnv(Map.of("HOTLINE_KEY_ROTATION_INTERVAL", "soon")))
                .hasMessageContaining("HOTLINE_KEY_ROTATION_INTERVAL");
    }
}

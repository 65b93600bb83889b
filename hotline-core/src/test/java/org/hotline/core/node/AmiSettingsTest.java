package org.hotline.core.node;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import org.hotline.core.ami.AmiConfig;
import org.junit.jupiter.api.Test;

class AmiSettingsTest {

    @Test
    void shouldLeaveAmiOffWhenNoCredentialsAreSet() {
        assertThat(AmiSettings.fromEnv(Map.of("HOTLINE_AMI_HOST", "pbx"))).isEmpty();
    }

    @Test
    void shouldReadAddressCredentialsAndTimingWhenSet() {
        // when
        AmiConfig config = AmiSettings.fromEnv(Map.of("HOTLINE_AMI_HOST", "pbx.local", "HOTLINE_AMI_PORT", "5039",
                "HOTLINE_AMI_USERNAME", "hotline", "HOTLINE_AMI_SECRET", "s3cret", "HOTLINE_AMI_PING_INTERVAL", "2s",
                "HOTLINE_AMI_PING_TIMEOUT", "1500ms", "HOTLINE_AMI_RECONNECT_MAX", "1m")).orElseThrow();
        // then
        assertThat(config.host()).isEqualTo("pbx.local");
        assertThat(config.port()).isEqualTo(5039);
        assertThat(config.secret()).isEqualTo("s3cret");
        assertThat(config.pingInterval()).isEqualTo(Duration.ofSeconds(2));
        assertThat(config.pingTimeout()).isEqualTo(Duration.ofMillis(1500));
        assertThat(config.reconnectMax()).isEqualTo(Duration.ofMinutes(1));
    }

    @Test
    void shouldStopStartUpWhenOnlyHalfTheCredentialsOrABadValueIsGiven() {
        assertThatThrownBy(() -> AmiSettings.fromEnv(Map.of("HOTLINE_AMI_USERNAME", "hotline")))
                .hasMessageContaining("HOTLINE_AMI_SECRET");
        assertThatThrownBy(() -> AmiSettings.fromEnv(Map.of("HOTLINE_AMI_SECRET", "x")))
                .hasMessageContaining("HOTLINE_AMI_USERNAME");
        assertThatThrownBy(() -> AmiSettings.fromEnv(Map.of("HOTLINE_AMI_USERNAME", "u", "HOTLINE_AMI_SECRET", "s",
                "HOTLINE_AMI_PORT", "99999"))).hasMessageContaining("HOTLINE_AMI_PORT");
        assertThatThrownBy(() -> AmiSettings.fromEnv(Map.of("HOTLINE_AMI_USERNAME", "u", "HOTLINE_AMI_SECRET", "s",
                "HOTLINE_AMI_PING_TIMEOUT", "soon"))).hasMessageContaining("HOTLINE_AMI_PING_TIMEOUT");
    }
}

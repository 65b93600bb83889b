package org.hotline.core.ami;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class AmiConfigTest {

    @Test
    void shouldNeverShowTheSecret() {
        // when
        AmiConfig config = AmiConfig.of("pbx.local", 5038, "hotline", "topsecret");
        // then
        assertThat(config.toString()).contains("hotline@pbx.local:5038").doesNotContain("topsecret");
    }

    @Test
    void shouldRefuseIncompleteOrNonsensicalSettings() {
        assertThatThrownBy(() -> AmiConfig.of("", 5038, "u", "s")).hasMessageContaining("host");
        assertThatThrownBy(() -> AmiConfig.of("h", 0, "u", "s")).hasMessageContaining("port");
        assertThatThrownBy(() -> AmiConfig.of("h", 5038, " ", "s")).hasMessageContaining("username");
        assertThatThrownBy(() -> AmiConfig.of("h", 5038, "u", "")).hasMessageContaining("secret");
        assertThatThrownBy(() -> AmiConfig.of("h", 5038, "u", "s").withPing(Duration.ZERO, Duration.ofSeconds(1)))
                .hasMessageContaining("ping");
        assertThatThrownBy(() -> AmiConfig.of("h", 5038, "u", "s")
                .withReconnect(Duration.ofSeconds(10), Duration.ofSeconds(1))).hasMessageContaining("min <= max");
        assertThatThrownBy(() -> AmiConfig.of("h", 5038, "u", "s").withListenerQueue(0))
                .hasMessageContaining("listener queue");
    }
}

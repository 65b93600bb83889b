package org.hotline.ivr.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class IvrServerConfigTest {

    @Test
    void shouldUseLoopbackPort4573AndALargeCapacityWhenNothingIsSet() {
        // when
        IvrServerConfig config = IvrServerConfig.fromEnvironment(Map.of());
        // then
        assertThat(config).isEqualTo(IvrServerConfig.defaults());
        assertThat(config.bindAddress()).isEqualTo("127.0.0.1");
        assertThat(config.port()).isEqualTo(4573);
        assertThat(config.capacity()).isGreaterThan(500);
        assertThat(config.socketReadTimeout()).isGreaterThanOrEqualTo(Duration.ofMinutes(10));
        assertThat(config.headerTimeout()).isBetween(Duration.ofSeconds(1), Duration.ofSeconds(10));
    }

    @Test
    void shouldReadEveryVariableWhenSet() {
        // when
        IvrServerConfig config = IvrServerConfig.fromEnvironment(Map.ofEntries(Map.entry("HOTLINE_AGI_BIND", "0.0.0.0"),
                Map.entry("HOTLINE_AGI_PORT", "5000"), Map.entry("HOTLINE_AGI_CAPACITY", "300"),
                Map.entry("HOTLINE_AGI_READ_TIMEOUT", "90"), Map.entry("HOTLINE_AGI_HEADER_TIMEOUT", "3"),
                Map.entry("HOTLINE_AGI_BUSY_PROMPT", "x/busy"), Map.entry("HOTLINE_AGI_UNAVAILABLE_PROMPT", "x/down"),
                Map.entry("HOTLINE_AGI_POOL_SIZE", "200"), Map.entry("HOTLINE_AGI_BACKLOG", "50"),
                Map.entry("HOTLINE_AGI_THREADS", "pool")));
        // then
        assertThat(config).isEqualTo(new IvrServerConfig("0.0.0.0", 5000, 300, Duration.ofSeconds(90), Duration.ofSeconds(3), "x/busy",
                "x/down", 200, 50, IvrServerConfig.Threads.POOL));
        assertThat(config.effectiveCapacity()).isEqualTo(200);
    }

    @ParameterizedTest
    @CsvSource({"HOTLINE_AGI_PORT, 70000", "HOTLINE_AGI_PORT, abc", "HOTLINE_AGI_CAPACITY, 0",
        "HOTLINE_AGI_READ_TIMEOUT, 0", "HOTLINE_AGI_READ_TIMEOUT, soon", "HOTLINE_AGI_HEADER_TIMEOUT, 0",
        "HOTLINE_AGI_HEADER_TIMEOUT, -2", "HOTLINE_AGI_HEADER_TIMEOUT, 5s", "HOTLINE_AGI_POOL_SIZE, -1",
        "HOTLINE_AGI_BACKLOG, 0", "HOTLINE_AGI_THREADS, green", "HOTLINE_AGI_BUSY_PROMPT, ' '"})
    void shouldNameTheKeyWhenAValueIsBad(String key, String value) {
        assertThatThrownBy(() -> IvrServerConfig.fromEnvironment(Map.of(key, value.isEmpty() ? " " : value)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining(key);
    }
}

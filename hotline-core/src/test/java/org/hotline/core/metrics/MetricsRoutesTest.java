package org.hotline.core.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** In demo mode without a token, /metrics is open to this machine only. */
class MetricsRoutesTest {

    @ParameterizedTest
    @CsvSource({"127.0.0.1, true", "127.1.2.3, true", "::1, true", "[::1], true", "0:0:0:0:0:0:0:1, true",
        "::ffff:127.0.0.1, true", "10.0.0.5, false", "192.168.1.20, false", "fe80::1, false", "::ffff:10.0.0.1, false",
        "128.0.0.1, false"})
    void shouldCountOnlyLoopbackClientsAsThisMachine(String host, boolean expected) {
        assertThat(MetricsRoutes.loopback(host)).isEqualTo(expected);
    }
}

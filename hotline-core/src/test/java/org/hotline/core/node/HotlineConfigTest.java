package org.hotline.core.node;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HotlineConfigTest {

    @Test
    void shouldUseTheDocumentedDefaultsWhenNothingIsSet() {
        HotlineConfig config = HotlineConfig.fromEnv(Map.of());
        assertThat(config.dataDir()).isEqualTo(Path.of("./data"));
        assertThat(config.mongoUri()).isEmpty();
        assertThat(config.httpHost()).isEqualTo("127.0.0.1");
        assertThat(config.httpPort()).isEqualTo(8080);
        assertThat(config.agiPort()).isEqualTo(4573);
        assertThat(config.demo()).isFalse();
        assertThat(config.mongoTimeout()).isEqualTo(Duration.ofSeconds(3));
    }

    @Test
    void shouldMarkTheSessionCookieSecureUnlessInDemoMode() {
        // given / when
        HotlineConfig production = HotlineConfig.fromEnv(Map.of());
        HotlineConfig demo = HotlineConfig.fromEnv(Map.of("HOTLINE_DEMO", "true"));
        HotlineConfig demoBehindTls = HotlineConfig.fromEnv(Map.of("HOTLINE_DEMO", "true", "HOTLINE_SECURE_COOKIES", "true"));
        // then
        assertThat(production.secureCookies()).isTrue();
        assertThat(demo.secureCookies()).isFalse();
        assertThat(demoBehindTls.secureCookies()).isTrue();
    }

    @Test
    void shouldReadValuesAndShortDurations() {
        HotlineConfig config = HotlineConfig.fromEnv(Map.of("HOTLINE_HTTP_PORT", "9090", "MONGODB_URI",
                "mongodb://db1,db2/?replicaSet=rs0", "HOTLINE_MONGO_TIMEOUT", "500ms", "HOTLINE_DEMO", "yes"));
        assertThat(config.httpPort()).isEqualTo(9090);
        assertThat(config.mongoUri()).contains("mongodb://db1,db2/?replicaSet=rs0");
        assertThat(config.mongoTimeout()).isEqualTo(Duration.ofMillis(500));
        assertThat(config.demo()).isTrue();
    }

    @Test
    void shouldFailNamingTheVariableWhenAValueIsBad() {
        assertThatThrownBy(() -> HotlineConfig.fromEnv(Map.of("HOTLINE_AGI_PORT", "70000")))
                .hasMessageContaining("HOTLINE_AGI_PORT").hasMessageContaining("70000");
        assertThatThrownBy(() -> HotlineConfig.fromEnv(Map.of("HOTLINE_HTTP_PORT", "eighty")))
                .hasMessageContaining("HOTLINE_HTTP_PORT");
        assertThatThrownBy(() -> HotlineConfig.fromEnv(Map.of("HOTLINE_MONGO_TIMEOUT", "soon")))
                .hasMessageContaining("HOTLINE_MONGO_TIMEOUT");
        assertThatThrownBy(() -> HotlineConfig.fromEnv(Map.of("HOTLINE_DEMO", "maybe")))
                .hasMessageContaining("HOTLINE_DEMO");
        assertThatThrownBy(() -> HotlineConfig.fromEnv(Map.of("HOTLINE_NODE_INDEX", "16")))
                .hasMessageContaining("HOTLINE_NODE_INDEX");
    }

    @Test
    void shouldRefuseAShortMetricsTokenWithoutRepeatingIt() {
        // when / then
        assertThatThrownBy(() -> HotlineConfig.fromEnv(Map.of("HOTLINE_METRICS_TOKEN", "secret42")))
                .hasMessageContaining("HOTLINE_METRICS_TOKEN").hasMessageNotContaining("secret42");
        assertThat(HotlineConfig.fromEnv(Map.of("HOTLINE_METRICS_TOKEN", "0123456789abcdef")).metricsToken())
                .contains("0123456789abcdef");
        assertThat(HotlineConfig.fromEnv(Map.of()).metricsToken()).isEmpty();
    }
}

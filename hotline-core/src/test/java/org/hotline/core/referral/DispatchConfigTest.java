package org.hotline.core.referral;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class DispatchConfigTest {

    @Test
    void shouldUseDefaultsWhenNothingIsSet() {
        // when
        DispatchConfig config = DispatchConfig.defaults("node-1");

        // then
        assertThat(config.leaseDuration()).isEqualTo(DispatchConfig.DEFAULT_LEASE_DURATION);
        assertThat(config.fastRetries()).isEqualTo(DispatchConfig.DEFAULT_FAST_RETRIES);
        assertThat(config.smtpUri()).isNull();
        assertThat(config.smsGatewayUrl()).isNull();
    }

    @Test
    void shouldNameEveryBadKeyAtOnce() {
        // given
        DispatchConfig.Builder builder = DispatchConfig.builder("bad node id")
                .pollInterval(Duration.ZERO)
                .workerThreads(0)
                .backoffBase(Duration.ofMinutes(10))
                .backoffMax(Duration.ofMinutes(1))
                .smtpUri("http://mail")
                .smsGatewayUrl("not a url");

        // when / then
        assertThatThrownBy(builder::build)
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("nodeId")
                .hasMessageContaining("pollInterval")
                .hasMessageContaining("workerThreads")
                .hasMessageContaining("backoffMax must be >= backoffBase")
                .hasMessageContaining("smtpUri")
                .hasMessageContaining("smsGatewayUrl");
    }

    @Test
    void shouldRefuseLeaseThatIsShorterThanOneAttempt() {
        assertThatThrownBy(() -> DispatchConfig.builder("n").leaseDuration(Duration.ofSeconds(10))
                .connectTimeout(Duration.ofSeconds(5)).responseTimeout(Duration.ofSeconds(15)).build())
                .hasMessageContaining("leaseDuration must be longer than connectTimeout + responseTimeout");
    }

    @Test
    void shouldRefuseSmsTemplateWithoutReference() {
        assertThatThrownBy(() -> DispatchConfig.builder("n").smsTemplate("Hello {category}").build())
                .hasMessageContaining("smsTemplate must contain {reference}");
    }

    @Test
    void shouldKeepValuesThroughBuilderRoundTrip() {
        // given
        DispatchConfig config = DispatchConfig.builder("n").smtpUri("smtp://127.0.0.1:2525").maxAttempts(7).build();

        // when
        DispatchConfig copy = config.toBuilder().build();

        // then
        assertThat(copy).isEqualTo(config);
        assertThat(copy.toString()).contains("smtp://127.0.0.1:2525").contains("maxAttempts=7");
    }
}

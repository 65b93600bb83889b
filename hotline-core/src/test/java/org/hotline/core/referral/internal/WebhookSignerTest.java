package org.hotline.core.referral.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class WebhookSignerTest {

    @Test
    void shouldMatchPublishedHmacSha256TestVector() {
        // given: RFC 4231 test case 2
        byte[] data = "what do ya want for nothing?".getBytes(StandardCharsets.UTF_8);

        // when
        String signature = WebhookSigner.signature(data, "Jefe");

        // then
        assertThat(signature).isEqualTo("sha256=5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843");
    }

    @Test
    void shouldChangeSignatureWhenOneByteOfBodyChanges() {
        // given
        byte[] body = "{\"referralId\":\"t:police\"}".getBytes(StandardCharsets.UTF_8);
        byte[] altered = "{\"referralId\":\"t:polica\"}".getBytes(StandardCharsets.UTF_8);

        // when / then
        assertThat(WebhookSigner.signature(body, "s")).isNotEqualTo(WebhookSigner.signature(altered, "s"));
        assertThat(WebhookSigner.signature(body, "s")).isNotEqualTo(WebhookSigner.signature(body, "t"));
    }

    @Test
    void shouldRefuseToSignWithEmptySecret() {
        assertThatThrownBy(() -> WebhookSigner.signature(new byte[] {1}, ""))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("empty secret");
    }
}

package org.hotline.core.agency;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.hotline.core.agency.internal.SmsSignature;
import org.hotline.core.referral.SmsReplyCode;
import org.junit.jupiter.api.Test;

class SmsReplyTest {

    private static final String CODE = SmsReplyCode.of("tip-1:lnp-ahtu");

    @Test
    void shouldReadAcknowledgementsInAnyCase() {
        assertThat(SmsReply.parse("ACK " + CODE)).isEqualTo(new SmsReply.Acknowledge(CODE));
        assertThat(SmsReply.parse("  acknowledge  " + CODE.toLowerCase() + " ")).isEqualTo(new SmsReply.Acknowledge(CODE));
    }

    @Test
    void shouldReadDeclinesWithTheirReason() {
        assertThat(SmsReply.parse("DECLINE " + CODE + " no  officers free"))
                .isEqualTo(new SmsReply.Decline(CODE, "no  officers free"));
        assertThat(SmsReply.parse("dec " + CODE + " busy")).isEqualTo(new SmsReply.Decline(CODE, "busy"));
    }

    @Test
    void shouldExplainHowToAnswerWhenTheTextCannotBeRead() {
        assertThat(SmsReply.parse("yes")).isInstanceOf(SmsReply.Unreadable.class);
        assertThat(SmsReply.parse("")).isInstanceOf(SmsReply.Unreadable.class);
        assertThat(SmsReply.parse(null)).isInstanceOf(SmsReply.Unreadable.class);
        assertThat(SmsReply.parse("ACK")).isInstanceOf(SmsReply.Unreadable.class);
        assertThat(SmsReply.parse("ACK 0O1I")).isInstanceOf(SmsReply.Unreadable.class);
        assertThat(SmsReply.parse("ACK " + CODE + " extra words")).isInstanceOf(SmsReply.Unreadable.class);
        assertThat(SmsReply.parse("DECLINE " + CODE)).isInstanceOf(SmsReply.Unreadable.class);
        assertThat(SmsReply.parse("DECLINE " + CODE + " " + "x".repeat(SmsReply.MAX_REASON + 1)))
                .isInstanceOf(SmsReply.Unreadable.class);
        assertThat(((SmsReply.Unreadable) SmsReply.parse("hello")).message()).contains("ACK <code>");
    }

    @Test
    void shouldDeriveTheSameShortCodeForAReferralEveryTime() {
        assertThat(SmsReplyCode.of("tip-1:lnp-ahtu")).isEqualTo(CODE).hasSize(SmsReplyCode.LENGTH);
        assertThat(SmsReplyCode.normalise(CODE.toLowerCase())).isEqualTo(CODE);
        assertThat(SmsReplyCode.of("tip-2:lnp-ahtu")).isNotEqualTo(CODE);
    }

    @Test
    void shouldAcceptOnlyTheSignatureOfTheExactBodyAndSecret() {
        byte[] body = "{\"from\":\"+231\",\"text\":\"ACK\"}".getBytes(StandardCharsets.UTF_8);
        String signature = SmsSignature.sign("secret", body);
        assertThat(SmsSignature.matches("secret", body, signature)).isTrue();
        assertThat(SmsSignature.matches("other", body, signature)).isFalse();
        assertThat(SmsSignature.matches("secret", "{}".getBytes(StandardCharsets.UTF_8), signature)).isFalse();
        assertThat(SmsSignature.matches("secret", body, null)).isFalse();
        assertThat(SmsSignature.matches("secret", body, "sha256=zz")).isFalse();
        assertThat(SmsSignature.matches("secret", body, "sha256=" + "g".repeat(64))).isFalse();
    }
}

package org.hotline.core.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TotpTest {

    /** RFC 6238 appendix B's SHA-1 seed: the ASCII bytes of "12345678901234567890". */
    private static final byte[] RFC_KEY = "12345678901234567890".getBytes(StandardCharsets.US_ASCII);

    @ParameterizedTest
    @CsvSource({"59, 94287082", "1111111109, 07081804", "1111111111, 14050471", "1234567890, 89005924",
            "2000000000, 69279037", "20000000000, 65353130"})
    void shouldMatchTheTestVectorsOfRfc6238(long unixSeconds, String expected) {
        // when
        String code = Totp.code(RFC_KEY, Totp.step(Instant.ofEpochSecond(unixSeconds)), 8);
        // then
        assertThat(code).isEqualTo(expected);
    }

    @Test
    void shouldAcceptTheCodeOfTheStepBeforeAndAfterButNotFurther() {
        // given
        String secret = Totp.base32(RFC_KEY);
        Instant now = Instant.ofEpochSecond(1_111_111_111);
        long step = Totp.step(now);
        // when / then
        assertThat(Totp.matchingStep(secret, Totp.code(secret, step), now)).isEqualTo(step);
        assertThat(Totp.matchingStep(secret, Totp.code(secret, step - 1), now)).isEqualTo(step - 1);
        assertThat(Totp.matchingStep(secret, Totp.code(secret, step + 1), now)).isEqualTo(step + 1);
        assertThat(Totp.matchingStep(secret, Totp.code(secret, step + 2), now)).isEqualTo(-1);
        assertThat(Totp.matchingStep(secret, "12345", now)).isEqualTo(-1);
        assertThat(Totp.matchingStep(secret, null, now)).isEqualTo(-1);
    }

    @Test
    void shouldRoundTripBase32AndWriteAnOtpauthUri() {
        // given
        String secret = Totp.newSecret(new SecureRandom());
        // then
        assertThat(secret).hasSize(32).matches("[A-Z2-7]+");
        assertThat(Totp.base32(Totp.fromBase32(secret))).isEqualTo(secret);
        assertThat(Totp.base32("12345678901234567890".getBytes(StandardCharsets.US_ASCII)))
                .isEqualTo("GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ");
        assertThat(Totp.uri("Hotline", "ana.operator", secret)).isEqualTo("otpauth://totp/Hotline:ana.operator?secret="
                + secret + "&issuer=Hotline&algorithm=SHA1&digits=6&period=30");
    }
}

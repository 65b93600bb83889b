package org.hotline.core.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PasswordHasherTest {

    private final PasswordHasher hasher = new PasswordHasher(2_000);

    @Test
    void shouldVerifyTheRightPasswordAndRefuseAnyOther() {
        String stored = hasher.hash("correct horse battery".toCharArray());
        assertThat(hasher.verify("correct horse battery".toCharArray(), stored)).isTrue();
        assertThat(hasher.verify("correct horse batterY".toCharArray(), stored)).isFalse();
        assertThat(hasher.verify("".toCharArray(), stored)).isFalse();
    }

    @Test
    void shouldSaltEveryHashAndRecordItsWorkFactor() {
        String a = hasher.hash("same password here".toCharArray());
        String b = hasher.hash("same password here".toCharArray());
        assertThat(a).isNotEqualTo(b).startsWith("pbkdf2-sha256$2000$");
        // a hash made with another work factor still verifies
        assertThat(new PasswordHasher(5_000).verify("same password here".toCharArray(), a)).isTrue();
    }

    @Test
    void shouldRefuseMalformedStoredHashesAndTooLowWorkFactors() {
        assertThat(hasher.verify("x".toCharArray(), "plain-text")).isFalse();
        assertThat(hasher.verify("x".toCharArray(), null)).isFalse();
        assertThatThrownBy(() -> new PasswordHasher(10)).hasMessageContaining("HOTLINE_PASSWORD_ITERATIONS");
    }
}

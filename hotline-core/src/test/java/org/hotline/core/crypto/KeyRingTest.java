package org.hotline.core.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class KeyRingTest {

    static final String K1 = Base64.getEncoder().encodeToString(filled(1));
    static final String K2 = Base64.getEncoder().encodeToString(filled(2));

    @Test
    void shouldMakeTheLastEntryActiveAndKeepTheOthersForReading() {
        // when
        KeyRing ring = KeyRing.parse("old:" + K1 + ",\n new:" + K2, "test");
        // then
        assertThat(ring.activeId()).isEqualTo("new");
        assertThat(ring.active()).isEqualTo(filled(2));
        assertThat(ring.key("old")).contains(filled(1));
        assertThat(ring.key("gone")).isEmpty();
    }

    @Test
    void shouldRoundTripThroughItsTextFormWithANewActiveKey() {
        // given
        KeyRing ring = KeyRing.parse("k1:" + K1, "test").with("k2", filled(2));
        // when
        KeyRing again = KeyRing.parse(ring.format(), "file");
        // then
        assertThat(again.activeId()).isEqualTo("k2");
        assertThat(again.keys()).containsOnlyKeys("k1", "k2");
        assertThat(again.key("k1")).contains(filled(1));
    }

    @Test
    void shouldRefuseBadKeyTextWithoutEchoingTheKeys() {
        String shortKey = Base64.getEncoder().encodeToString(new byte[16]);
        assertThatThrownBy(() -> KeyRing.parse("", "HOTLINE_DATA_KEYS")).hasMessageContaining("holds no key");
        assertThatThrownBy(() -> KeyRing.parse(K1, "HOTLINE_DATA_KEYS")).hasMessageContaining("id:base64key")
                .message().doesNotContain(K1);
        assertThatThrownBy(() -> KeyRing.parse("k1:" + shortKey, "HOTLINE_DATA_KEYS"))
                .hasMessageContaining("32 bytes").message().doesNotContain(shortKey);
        assertThatThrownBy(() -> KeyRing.parse("k1:not*base64", "HOTLINE_DATA_KEYS")).hasMessageContaining("base64");
        assertThatThrownBy(() -> KeyRing.parse("k1:" + K1 + ",k1:" + K2, "HOTLINE_DATA_KEYS"))
                .hasMessageContaining("twice");
        assertThatThrownBy(() -> KeyRing.parse("bad id:" + K1, "HOTLINE_DATA_KEYS")).hasMessageContaining("key id");
        assertThatThrownBy(() -> KeyRing.parse("k1:" + K1, "t").with("k1", filled(3)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void shouldNotPrintKeysInItsStringForm() {
        assertThat(KeyRing.parse("k1:" + K1, "t").toString()).doesNotContain(K1).contains("k1");
    }

    static byte[] filled(int value) {
        byte[] key = new byte[32];
        Arrays.fill(key, (byte) value);
        return key;
    }
}

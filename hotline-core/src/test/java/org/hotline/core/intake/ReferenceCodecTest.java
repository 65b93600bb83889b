package org.hotline.core.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ReferenceCodecTest {

    private static final byte[] KEY = "a test key that is long enough!!".getBytes(StandardCharsets.UTF_8);

    @Test
    void shouldGiveDistinctWellFormedReferencesForDistinctCountersAndNodes() {
        // given
        ReferenceCodec node0 = new ReferenceCodec(KEY, 0);
        ReferenceCodec node1 = new ReferenceCodec(KEY, 1);
        Set<String> seen = new HashSet<>();
        // when
        for (long counter = 0; counter < 20_000; counter++) {
            seen.add(node0.encode(counter));
            seen.add(node1.encode(counter));
        }
        // then
        assertThat(seen).hasSize(40_000).allSatisfy(ref -> assertThat(ReferenceCodec.isWellFormed(ref)).isTrue());
    }

    @Test
    void shouldNotRevealTheSequenceInConsecutiveReferences() {
        // given
        ReferenceCodec codec = new ReferenceCodec(KEY, 0);
        // when
        long first = Long.parseLong(codec.encode(1000).substring(0, 8));
        long second = Long.parseLong(codec.encode(1001).substring(0, 8));
        // then: neighbours land far apart, and another key gives other numbers
        assertThat(Math.abs(first - second)).isGreaterThan(1000);
        assertThat(new ReferenceCodec("another key that is long enough!".getBytes(StandardCharsets.UTF_8), 0)
                .encode(1000)).isNotEqualTo(codec.encode(1000));
    }

    @Test
    void shouldDetectEverySingleDigitSlipAndAdjacentSwap() {
        // given
        String reference = new ReferenceCodec(KEY, 3).encode(42);
        // when / then
        for (int i = 0; i < reference.length(); i++) {
            for (char d = '0'; d <= '9'; d++) {
                if (d != reference.charAt(i)) {
                    String slip = reference.substring(0, i) + d + reference.substring(i + 1);
                    assertThat(ReferenceCodec.isWellFormed(slip)).as(slip).isFalse();
                }
            }
            if (i + 1 < reference.length() && reference.charAt(i) != reference.charAt(i + 1)) {
                String swap = reference.substring(0, i) + reference.charAt(i + 1) + reference.charAt(i) + reference.substring(i + 2);
                assertThat(ReferenceCodec.isWellFormed(swap)).as(swap).isFalse();
            }
        }
    }

    @Test
    void shouldRejectMalformedReferencesAndBadNodeIndexes() {
        assertThat(ReferenceCodec.isWellFormed(null)).isFalse();
        assertThat(ReferenceCodec.isWellFormed("12345")).isFalse();
        assertThat(ReferenceCodec.isWellFormed("12345678a")).isFalse();
        assertThatThrownBy(() -> new ReferenceCodec(KEY, 16)).hasMessageContaining("node index");
        assertThatThrownBy(() -> new ReferenceCodec(KEY, 0).encode(ReferenceCodec.maxCounter() + 1))
                .hasMessageContaining("exhausted");
    }
}

package org.hotline.core.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AuditChainTest {

    private static final byte[] KEY = filled(7);
    private final AuditChain chain = new AuditChain(KEY);
    private final Instant at = Instant.parse("2026-11-23T10:15:30.123456Z");

    @Test
    void shouldLinkToThePreviousHashAndKeepMillisecondTime() {
        // when
        AuditEntry first = chain.link(1, at, new AuditEvent("ivr", "followup.wrong_pin", "123456789", Map.of()), AuditChain.GENESIS);
        AuditEntry second = chain.link(2, at, AuditEvent.of("u1", "tip.read", "123456789"), first.hash());
        // then
        assertThat(second.prevHash()).isEqualTo(first.hash());
        assertThat(first.hash()).hasSize(64).isNotEqualTo(second.hash());
        assertThat(first.at()).isEqualTo(Instant.parse("2026-11-23T10:15:30.123Z"));
        assertThat(chain.isIntact(first)).isTrue();
        assertThat(chain.isIntact(second)).isTrue();
    }

    @Test
    void shouldDetectAChangeInAnyField() {
        // given
        AuditEntry e = chain.link(5, at, new AuditEvent("u1", "tip.read", "123", Map.of("why", "review")), "ab".repeat(32));
        // when / then
        assertThat(chain.isIntact(new AuditEntry(6, e.at(), e.actor(), e.action(), e.target(), e.details(), e.prevHash(), e.hash(), e.seal()))).isFalse();
        assertThat(chain.isIntact(new AuditEntry(5, e.at().plusMillis(1), e.actor(), e.action(), e.target(), e.details(), e.prevHash(), e.hash(), e.seal()))).isFalse();
        assertThat(chain.isIntact(new AuditEntry(5, e.at(), "u2", e.action(), e.target(), e.details(), e.prevHash(), e.hash(), e.seal()))).isFalse();
        assertThat(chain.isIntact(new AuditEntry(5, e.at(), e.actor(), "tip.export", e.target(), e.details(), e.prevHash(), e.hash(), e.seal()))).isFalse();
        assertThat(chain.isIntact(new AuditEntry(5, e.at(), e.actor(), e.action(), "124", e.details(), e.prevHash(), e.hash(), e.seal()))).isFalse();
        assertThat(chain.isIntact(new AuditEntry(5, e.at(), e.actor(), e.action(), e.target(), Map.of("why", "fun"), e.prevHash(), e.hash(), e.seal()))).isFalse();
        assertThat(chain.isIntact(new AuditEntry(5, e.at(), e.actor(), e.action(), e.target(), e.details(), AuditChain.GENESIS, e.hash(), e.seal()))).isFalse();
    }

    @Test
    void shouldNotConfuseFieldBoundaries() {
        // given: the same characters split differently between actor and action
        AuditEntry a = chain.link(1, at, AuditEvent.of("ab", "c", "t"), AuditChain.GENESIS);
        AuditEntry b = chain.link(1, at, AuditEvent.of("a", "bc", "t"), AuditChain.GENESIS);
        // then
        assertThat(a.hash()).isNotEqualTo(b.hash());
    }

    @Test
    void shouldRejectAnEntryRehashedWithoutTheSealKey() {
        // given: someone with database access rewrites an entry and recomputes its hash, but has another key
        AuditEntry genuine = chain.link(1, at, AuditEvent.of("u1", "tip.read", "1"), AuditChain.GENESIS);
        AuditEntry forged = new AuditChain(filled(9)).link(1, at, AuditEvent.of("u1", "tip.read", "2"), AuditChain.GENESIS);
        // then
        assertThat(chain.isIntact(genuine)).isTrue();
        assertThat(chain.isIntact(forged)).isFalse();
    }

    @Test
    void shouldSealTheHeadOverItsSequenceAndHashUnderTheKey() {
        // given
        AuditEntry entry = chain.link(5, at, AuditEvent.of("u1", "tip.read", "1"), "ab".repeat(32));
        String seal = chain.sealHead(5, entry.hash());
        // then
        assertThat(chain.isSealedHead(5, entry.hash(), seal)).isTrue();
        assertThat(chain.isSealedHead(4, entry.hash(), seal)).isFalse();
        assertThat(chain.isSealedHead(5, entry.prevHash(), seal)).isFalse();
        assertThat(chain.isSealedHead(5, entry.hash(), new AuditChain(filled(9)).sealHead(5, entry.hash()))).isFalse();
        assertThat(chain.isSealedHead(5, entry.hash(), null)).isFalse();
        assertThat(seal).isNotEqualTo(entry.seal());
    }

    @Test
    void shouldRefuseAShortSealKey() {
        assertThatThrownBy(() -> new AuditChain(new byte[16])).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new AuditChain(null)).isInstanceOf(IllegalArgumentException.class);
    }

    private static byte[] filled(int value) {
        byte[] key = new byte[32];
        Arrays.fill(key, (byte) value);
        return key;
    }
}

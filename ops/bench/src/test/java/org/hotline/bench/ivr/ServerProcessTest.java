package org.hotline.bench.ivr;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ServerProcessTest {

    @Test
    void shouldCountTheBytesThatStayReachableAndNotTheGarbage() throws Exception {
        // given
        long before = ServerProcess.liveHeapBytes();
        for (int i = 0; i < 1_000; i++) {
            byte[] garbage = new byte[10_000];
            garbage[0] = 1;
        }

        // when: 20 MB are kept, 10 MB were dropped
        byte[][] kept = new byte[2_000][];
        for (int i = 0; i < kept.length; i++) {
            kept[i] = new byte[10_000];
        }
        long after = ServerProcess.liveHeapBytes();

        // then
        assertThat(after - before).isBetween(19_000_000L, 22_000_000L);
        assertThat(kept.length).isEqualTo(2_000); // keeps them reachable until after the count
    }
}

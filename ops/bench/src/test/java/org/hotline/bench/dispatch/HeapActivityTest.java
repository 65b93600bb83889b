package org.hotline.bench.dispatch;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import org.hotline.bench.report.BenchReport.Memory;
import org.junit.jupiter.api.Test;

class HeapActivityTest {

    @Test
    void shouldReadTheMinorAndMajorFaultsPastACommandWithSpacesAndParentheses() {
        String stat = "4242 (java (main) x) S 1 4242 4242 0 -1 4194560 1500 0 25 0 300 40 0 0 20 0 61 0";

        assertThat(HeapActivity.faults(stat)).isEqualTo(1525);
        assertThat(HeapActivity.faults("")).isEqualTo(-1);
        assertThat(HeapActivity.faults("4242 (java) S 1 2")).isEqualTo(-1);
        assertThat(HeapActivity.faults("4242 (java) S 1 4242 4242 0 -1 4194560 many 0 25 0")).isEqualTo(-1);
    }

    @Test
    void shouldCountTheFaultsOfMemoryTouchedForTheFirstTimeAndTheCollectionsAsked() {
        HeapActivity before = HeapActivity.now();

        // a fresh direct buffer is zeroed page by page as it is allocated: 8,192 first touches of 4 KB
        ByteBuffer fresh = ByteBuffer.allocateDirect(32 << 20);
        System.gc();
        Memory activity = before.since();

        assertThat(fresh.capacity()).isEqualTo(32 << 20);
        assertThat(activity.pageFaults()).isGreaterThan(1_000);
        assertThat(activity.gcCycles()).isPositive();
    }
}

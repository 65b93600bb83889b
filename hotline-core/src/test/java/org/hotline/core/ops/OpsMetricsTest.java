package org.hotline.core.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.hotline.core.metrics.HotlineMetrics;
import org.junit.jupiter.api.Test;

/** The operations metrics as they appear in a scrape. */
class OpsMetricsTest {

    private final HotlineMetrics metrics = new HotlineMetrics(false);

    @Test
    void shouldReportEveryStateAndPriorityIncludingEmptyOnes() {
        // when
        metrics.referralsByState(Map.of("DEAD_LETTER", 2L), List.of("PENDING", "DEAD_LETTER"));
        metrics.referralsOverdue(Map.of("IMMEDIATE", 1L), List.of("IMMEDIATE", "LOW"));

        // then
        assertThat(metrics.scrape())
                .contains("hotline_referrals{state=\"DEAD_LETTER\",} 2.0")
                .contains("hotline_referrals{state=\"PENDING\",} 0.0")
                .contains("hotline_referrals_overdue{priority=\"IMMEDIATE\",} 1.0")
                .contains("hotline_referrals_overdue{priority=\"LOW\",} 0.0");
    }

    @Test
    void shouldCountQueueCallersWaitingAndHowTheyLeft() {
        // when
        metrics.queueCallerJoined("operators");
        metrics.queueCallerJoined("operators");
        metrics.queueCallerLeft("operators", "abandoned", 42);

        // then
        assertThat(metrics.scrape())
                .contains("hotline_queue_waiting{queue=\"operators\",} 1.0")
                .contains("hotline_queue_calls_total{queue=\"operators\",outcome=\"abandoned\",} 1.0")
                .contains("hotline_queue_wait_seconds_count{queue=\"operators\",outcome=\"abandoned\",} 1.0")
                .contains("hotline_queue_wait_seconds_bucket{queue=\"operators\",outcome=\"abandoned\",le=\"60.0\",} 1.0")
                .contains("hotline_queue_wait_seconds_bucket{queue=\"operators\",outcome=\"abandoned\",le=\"30.0\",} 0.0");
    }
}

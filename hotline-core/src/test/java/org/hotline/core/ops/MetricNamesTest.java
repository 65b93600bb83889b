package org.hotline.core.ops;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MetricNamesTest {

    @Test
    void shouldListSampleNamesOfEveryTypeEvenWithoutSamples() {
        // given
        String scrape = """
                # HELP a_total Things.
                # TYPE a_total counter
                # HELP lat Latency.
                # TYPE lat histogram
                lat_bucket{le="+Inf",} 0.0
                # TYPE g gauge
                # TYPE s summary
                """;

        // when
        var names = MetricNames.exported(scrape);

        // then
        assertThat(names).containsExactlyInAnyOrder("a_total", "lat_bucket", "lat_sum", "lat_count", "g", "s",
                "s_sum", "s_count");
    }

    @Test
    void shouldFindMetricNamesButNotLabelsFunctionsOrGroupings() {
        // given
        String expr = "histogram_quantile(0.95, sum by (le, hotline_fake_label) (rate("
                + "hotline_agi_command_seconds_bucket{job=\"hotline\", state=\"hotline_not_a_metric\"}[5m])))"
                + " / on (instance) up{job=\"hotline\"} + jvm_threads_current";

        // when
        var names = MetricNames.referenced(expr);

        // then
        assertThat(names).containsExactlyInAnyOrder("hotline_agi_command_seconds_bucket", "up", "jvm_threads_current");
    }

    @Test
    void shouldReportAMisspelledNameSoTheCheckCanFail() {
        // given
        var exported = MetricNames.exported("# TYPE hotline_calls_total counter\n");

        // when
        var referenced = MetricNames.referenced("rate(hotline_call_total[5m])");

        // then
        assertThat(referenced).containsExactly("hotline_call_total");
        assertThat(exported).doesNotContainAnyElementsOf(referenced);
    }
}

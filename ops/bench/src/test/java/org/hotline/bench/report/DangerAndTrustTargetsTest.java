package org.hotline.bench.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.hotline.bench.danger.DangerBench;
import org.hotline.bench.report.BenchReport.PathwayRate;
import org.hotline.bench.report.BenchReport.TargetCheck;
import org.hotline.bench.report.BenchReport.Throughput;
import org.junit.jupiter.api.Test;

class DangerAndTrustTargetsTest {

    private static Throughput row(String path, long count, double p99) {
        return new Throughput(path, 1_000, count, 1, new Stats.Latency(count, 1, 1, p99, p99, p99));
    }

    @Test
    void shouldMeetTheDangerTargetWhenEveryCallReachedPoliceAndDutyOfficerWithinASecond() {
        // when
        TargetCheck check = DangerTarget.check(List.of(row(DangerBench.RAW, 50, 8), row(DangerBench.TO_POLICE, 50, 640),
                row(DangerBench.TO_ORIGINATE, 50, 590)));

        // then
        assertThat(check.met()).isTrue();
        assertThat(check.goal()).contains("with 1,000 calls in progress");
        assertThat(check.measured()).contains("police p99 640.00 ms", "Originate p99 590.00 ms", "raw POST p99 8.00 ms",
                "50 danger calls");
    }

    @Test
    void shouldMissTheDangerTargetWhenTheRingIsLateOrAReferralNeverArrived() {
        // when
        TargetCheck late = DangerTarget.check(List.of(row(DangerBench.RAW, 50, 8), row(DangerBench.TO_POLICE, 50, 640),
                row(DangerBench.TO_ORIGINATE, 50, 1_200)));
        TargetCheck missing = DangerTarget.check(List.of(row(DangerBench.RAW, 50, 8),
                row(DangerBench.TO_POLICE, 49, 640), row(DangerBench.TO_ORIGINATE, 50, 590)));

        // then
        assertThat(late.met()).isFalse();
        assertThat(missing.met()).isFalse();
        assertThat(missing.measured()).contains("missing: 1 police receipts, 0 Originates");
    }

    @Test
    void shouldTrustThePathwayFiguresOnlyWhenEveryErrorIsUnderATenthOfItsScore() {
        // given
        List<PathwayRate> tight = List.of(new PathwayRate(10, 6_000_000, 300_000, 6_500_000, 65_000),
                new PathwayRate(100, 5_000_000, 400_000, 5_500_000, 110_000),
                new PathwayRate(1_000, 2_000_000, 150_000, 2_500_000, 25_000));
        List<PathwayRate> loose = List.of(new PathwayRate(10, 6_000_000, 300_000, 6_500_000),
                new PathwayRate(1_000, 2_000_000, 200_000, 2_500_000));
        List<PathwayRate> unknown = List.of(new PathwayRate(100, 5_000_000, -1, 5_500_000));

        // when
        TargetCheck met = PathwayTrustTarget.check(tight);

        // then
        assertThat(met.met()).isTrue();
        assertThat(met.measured()).isEqualTo("± 5.0 % at 10, ± 8.0 % at 100, ± 7.5 % at 1,000 rules"
                + " (per CPU-second: ± 1.0 %, ± 2.0 %, ± 1.0 %)");
        assertThat(PathwayTrustTarget.check(loose).met()).as("exactly 10 %% is not under 10 %%").isFalse();
        assertThat(PathwayTrustTarget.check(unknown).met()).isFalse();
        assertThat(PathwayTrustTarget.check(unknown).measured()).contains("no error").doesNotContain("per CPU-second");
    }

    @Test
    void shouldSayNotMeasuredWhenNeitherKindRan() {
        assertThat(DangerTarget.check(List.of()).met()).isNull();
        assertThat(PathwayTrustTarget.check(List.of()).met()).isNull();
    }
}

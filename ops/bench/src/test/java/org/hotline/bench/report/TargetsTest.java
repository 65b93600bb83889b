package org.hotline.bench.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.hotline.bench.report.BenchReport.IvrStep;
import org.hotline.bench.report.BenchReport.PathwayRate;
import org.hotline.bench.report.BenchReport.TargetCheck;
import org.hotline.bench.report.BenchReport.Throughput;
import org.junit.jupiter.api.Test;

class TargetsTest {

    static IvrStep step(String target, int callers, int refused, int failed, double p99, long heap) {
        return step(target, callers, refused, failed, p99, heap, 5, null);
    }

    /** A made-up step: p99.9 equals p99, all calls not refused were at once. */
    static IvrStep step(String target, int callers, int refused, int failed, double p99, long heap, double cpu,
            Double databaseCpu) {
        return new IvrStep(target, callers, callers - refused - failed, refused, failed, callers - refused, 10,
                new Stats.Latency(100, 1, 1, p99, p99, p99), heap, 0, 10, cpu, new java.util.TreeMap<>(),
                databaseCpu, 0, 0, null);
    }

    private static Throughput path(String name, double p99) {
        return new Throughput(name, 5, 100, 10, new Stats.Latency(100, 1, 1, p99, p99, p99));
    }

    static TargetCheck named(List<TargetCheck> checks, String name) {
        return checks.stream().filter(c -> c.name().equals(name)).findFirst().orElseThrow();
    }

    @Test
    void shouldMeetEveryTargetWhenTheFiguresAreWithinBounds() {
        // given: a real-pacing run with both deployments and the floor at 10,000 calls
        List<IvrStep> ivr = List.of(step("hotline", 1_000, 0, 0, 1.4, 30_000),
                step("hotline", 10_000, 0, 0, 2, 40_000, 6, null),
                step("hotline-separate-db", 10_000, 0, 0, 2, 40_000, 4, 3.0),
                step("raw-floor", 1_000, 0, 0, 1.0, 10_000), step("raw-floor", 10_000, 0, 0, 1.0, 10_000, 2, null),
                step("stock-asterisk-java", 1_000, 500, 0, 1.0, 10_000));

        // when
        List<TargetCheck> checks = Targets.check(true, ivr,
                List.of(path("hotline-intake-steady", 10), path("raw-insertOne-steady", 6)),
                List.of(path("hotline-dispatch", 30), path("raw-webclient-post", 15)),
                List.of(new PathwayRate(100, 2_000_000, 1_000, 2_500_000)));

        // then
        assertThat(checks).hasSize(8).allSatisfy(c -> assertThat(c.met()).as(c.name()).isTrue());
        assertThat(named(checks, "10,000 calls, real pacing").measured()).contains("10,000 of 10,000 completed")
                .contains("refused 500 of 1,000");
    }

    @Test
    void shouldFailTheTargetsThatAreMissed() {
        // given: turnaround 2 x floor, a failure at 10,000, node CPU over 3 x the floor's, intake over 20 ms,
        // dispatch over 3 x raw, slow pathway, fat calls
        List<IvrStep> ivr = List.of(step("hotline", 1_000, 0, 0, 2.0, 80_000),
                step("hotline", 10_000, 0, 3, 2, 80_000, 20, null),
                step("hotline-separate-db", 10_000, 0, 0, 2, 80_000, 16, 4.0),
                step("raw-floor", 1_000, 0, 0, 1.0, 10_000), step("raw-floor", 10_000, 0, 0, 1.0, 10_000, 5, null));

        // when
        List<TargetCheck> checks = Targets.check(true, ivr,
                List.of(path("hotline-intake-steady", 25), path("raw-insertOne-steady", 20)),
                List.of(path("hotline-dispatch", 100), path("raw-webclient-post", 10)),
                List.of(new PathwayRate(100, 1_200_000, 1_000, 900_000)));

        // then
        assertThat(checks).allSatisfy(c -> assertThat(c.met()).as(c.name()).isFalse());
        assertThat(named(checks, "Heap per call").measured()).contains("10,000 calls");
    }

    @Test
    void shouldSayNotMeasuredWhenABenchmarkKindDidNotRun() {
        // when
        List<TargetCheck> checks = Targets.check(true, List.of(), List.of(), List.of(), List.of());

        // then
        assertThat(checks).allSatisfy(c -> assertThat(c.met()).as(c.name()).isNull());
    }
}

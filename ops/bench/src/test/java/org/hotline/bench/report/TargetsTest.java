package org.hotline.bench.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.hotline.bench.report.BenchReport.IvrStep;
import org.hotline.bench.report.BenchReport.PathwayRate;
import org.hotline.bench.report.BenchReport.TargetCheck;
import org.hotline.bench.report.BenchReport.Throughput;
import org.junit.jupiter.api.Test;

class TargetsTest {

    private static IvrStep step(String target, int callers, int refused, int failed, double p99, long heap) {
        return new IvrStep(target, callers, callers - refused - failed, refused, failed, callers - refused, 10,
                new Stats.Latency(100, 1, 1, p99, p99, p99), heap, 0, 10, 5,
                new java.util.TreeMap<>(), 0, 0);
    }

    private static Throughput path(String name, double p99) {
        return new Throughput(name, 5, 100, 10, new Stats.Latency(100, 1, 1, p99, p99, p99));
    }

    private static TargetCheck named(List<TargetCheck> checks, String name) {
        return checks.stream().filter(c -> c.name().equals(name)).findFirst().orElseThrow();
    }

    @Test
    void shouldMeetEveryTargetWhenTheFiguresAreWithinBounds() {
        // given
        List<IvrStep> ivr = List.of(step("hotline", 1_000, 0, 0, 1.4, 30_000),
                step("hotline", 10_000, 0, 0, 2, 40_000), step("raw-floor", 1_000, 0, 0, 1.0, 10_000),
                step("stock-asterisk-java", 1_000, 500, 0, 1.0, 10_000));

        // when
        List<TargetCheck> checks = Targets.check(ivr, List.of(path("hotline-intake-steady", 10), path("raw-insertOne-steady", 6)),
                List.of(path("hotline-dispatch", 30), path("raw-webclient-post", 15)),
                List.of(new PathwayRate(100, 2_000_000, 1_000, 2_500_000)));

        // then
        assertThat(checks).hasSize(6).allSatisfy(c -> assertThat(c.met()).as(c.name()).isTrue());
        assertThat(named(checks, "IVR concurrency").measured()).contains("10,000").contains("refused 500 of 1,000");
    }

    @Test
    void shouldFailTheTargetsThatAreMissed() {
        // given: turnaround 2 x floor, intake over 20 ms, dispatch over 3 x raw, slow pathway, fat calls, a failure
        List<IvrStep> ivr = List.of(step("hotline", 1_000, 0, 0, 2.0, 80_000), step("hotline", 10_000, 0, 3, 2, 80_000),
                step("raw-floor", 1_000, 0, 0, 1.0, 10_000));

        // when
        List<TargetCheck> checks = Targets.check(ivr, List.of(path("hotline-intake-steady", 25), path("raw-insertOne-steady", 20)),
                List.of(path("hotline-dispatch", 100), path("raw-webclient-post", 10)),
                List.of(new PathwayRate(100, 1_200_000, 1_000, 900_000)));

        // then
        assertThat(checks).allSatisfy(c -> assertThat(c.met()).as(c.name()).isFalse());
        assertThat(named(checks, "Heap per call").measured()).contains("10,000 calls");
    }

    @Test
    void shouldSayNotMeasuredWhenABenchmarkKindDidNotRun() {
        // when
        List<TargetCheck> checks = Targets.check(List.of(), List.of(), List.of(), List.of());

        // then
        assertThat(checks).filteredOn(c -> !c.name().equals("IVR concurrency"))
                .allSatisfy(c -> assertThat(c.met()).as(c.name()).isNull());
    }
}

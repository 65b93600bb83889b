package org.hotline.bench.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hotline.bench.report.TargetsTest.step;

import java.util.List;
import org.hotline.bench.report.BenchReport.IvrStep;
import org.hotline.bench.report.BenchReport.TargetCheck;
import org.junit.jupiter.api.Test;

class IvrTargetsTest {

    private static final String SINGLE_BOX = "Server CPU per call at 10,000 calls, single box (database in the node)";
    private static final String SEPARATE = "Server CPU per call at 10,000 calls, separate database process";

    /** Every server at 10,000 calls with figures that meet every target. */
    private static List<IvrStep> tenThousand() {
        return List.of(step("hotline", 10_000, 0, 0, 40, 20_000, 5, 1.5),
                step("hotline-separate-db", 10_000, 0, 0, 30, 20_000, 4, 3.0),
                step("raw-floor", 10_000, 0, 0, 5, 20_000, 2, null),
                step("stock-asterisk-java", 10_000, 9_500, 0, 3, 50_000, 12, null));
    }

    private static TargetCheck row(List<TargetCheck> rows, String name) {
        return TargetsTest.named(rows, name);
    }

    @Test
    void shouldNotClaimTheTenThousandCallTargetsWithoutRealPacing() {
        // when: the same good figures, but from a run with compressed think times (the short run)
        TargetCheck pacing = IvrTargets.realPacing(false, tenThousand());
        List<TargetCheck> cpu = IvrTargets.cpu(false, tenThousand());

        // then
        assertThat(pacing.met()).isNull();
        assertThat(pacing.measured()).startsWith("not measured: needs --full")
                .contains("largest clean step here: 10,000 calls").contains("stock server refused 9,500 of 10,000");
        assertThat(cpu).allSatisfy(c -> {
            assertThat(c.met()).as(c.name()).isNull();
            assertThat(c.measured()).startsWith("not measured: needs --full (at 10,000 calls here: node");
        });
    }

    @Test
    void shouldSayAFullRunWithoutTheTenThousandCallStepDidNotMeasureIt() {
        // given: --full --calls 1000
        List<IvrStep> ivr = List.of(step("hotline", 1_000, 0, 0, 4, 20_000, 30, null),
                step("hotline-separate-db", 1_000, 0, 0, 3, 20_000, 20, 12.0),
                step("raw-floor", 1_000, 0, 0, 2, 20_000, 5, null));

        // when
        TargetCheck pacing = IvrTargets.realPacing(true, ivr);
        List<TargetCheck> cpu = IvrTargets.cpu(true, ivr);

        // then
        assertThat(pacing.met()).isNull();
        assertThat(pacing.measured()).startsWith("not measured: no 10,000-call step in this run");
        assertThat(row(cpu, SEPARATE).met()).isNull();
        assertThat(row(cpu, SEPARATE).measured()).isEqualTo("not measured: no 10,000-call step in this run"
                + " (at 1,000 calls here: node 20.00 ms/call vs floor 5.00 ms/call (4.0 x); database 12.00 ms/call"
                + " (node + database 6.4 x the floor))");
    }

    @Test
    void shouldMeetRealPacingOnlyWhenP99AndP999AreWithinBoundsAndEveryCallCompletedAtOnce() {
        // given: p99 within 100 ms but p99.9 over 250 ms; calls completed one after another; one refused
        IvrStep slowTail = new IvrStep("hotline", 10_000, 10_000, 0, 0, 10_000, 100,
                new Stats.Latency(1, 1, 1, 90, 300, 400), 20_000, 0, 90, 5, new java.util.TreeMap<>(), null, 0, 0, null);
        IvrStep notAtOnce = new IvrStep("hotline", 10_000, 10_000, 0, 0, 9_000, 100,
                new Stats.Latency(1, 1, 1, 90, 200, 400), 20_000, 0, 90, 5, new java.util.TreeMap<>(), null, 0, 0, null);
        IvrStep refused = step("hotline", 10_000, 1, 0, 10, 20_000);
        IvrStep within = new IvrStep("hotline", 10_000, 10_000, 0, 0, 10_000, 100,
                new Stats.Latency(1, 1, 1, 100, 250, 400), 20_000, 0, 90, 5, new java.util.TreeMap<>(), null, 0, 0, null);

        // when / then
        assertThat(IvrTargets.realPacing(true, List.of(slowTail)).met()).isFalse();
        assertThat(IvrTargets.realPacing(true, List.of(notAtOnce)).met()).isFalse();
        assertThat(IvrTargets.realPacing(true, List.of(refused)).met()).isFalse();
        assertThat(IvrTargets.realPacing(true, List.of(within)).met()).isTrue();
        assertThat(IvrTargets.realPacing(true, List.of(within)).measured())
                .startsWith("p99 100.00 ms, p99.9 250.00 ms; 10,000 of 10,000 completed, 0 refused, 0 failed");
    }

    @Test
    void shouldJudgeEachDeploymentsNodeAgainstTheFloorAndShowItsDatabaseApart() {
        // given: single box node 7 ms (3.5 x the floor's 2) with its embedded database's threads 2 ms, separate
        // node 5 ms (2.5 x) plus its database process 4 ms
        List<IvrStep> ivr = List.of(step("hotline", 10_000, 0, 0, 40, 20_000, 7, 2.0),
                step("hotline-separate-db", 10_000, 0, 0, 30, 20_000, 5, 4.0),
                step("raw-floor", 10_000, 0, 0, 5, 20_000, 2, null));

        // when
        List<TargetCheck> cpu = IvrTargets.cpu(true, ivr);

        // then
        assertThat(row(cpu, SINGLE_BOX).met()).isFalse();
        assertThat(row(cpu, SINGLE_BOX).measured()).isEqualTo("node 7.00 ms/call vs floor 2.00 ms/call (3.5 x);"
                + " database 2.00 ms/call (node + database 4.5 x the floor)");
        assertThat(row(cpu, SEPARATE).met()).isTrue();
        assertThat(row(cpu, SEPARATE).measured()).isEqualTo("node 5.00 ms/call vs floor 2.00 ms/call (2.5 x);"
                + " database 4.00 ms/call (node + database 4.5 x the floor)");
        assertThat(IvrTargets.realPacing(true, ivr).measured())
                .contains("separate database: p99 30.00 ms, p99.9 30.00 ms, 0 failed");
    }

    @Test
    void shouldSayADeploymentLeftOutOfTheRunWasNotMeasured() {
        // given: --db embedded (the node's 5 ms are within 3 x the floor; its database's 3 ms are not judged)
        List<IvrStep> ivr = List.of(step("hotline", 10_000, 0, 0, 40, 20_000, 5, 3.0),
                step("raw-floor", 10_000, 0, 0, 5, 20_000, 2, null));

        // when
        List<TargetCheck> cpu = IvrTargets.cpu(true, ivr);

        // then
        assertThat(row(cpu, SINGLE_BOX).met()).isTrue();
        assertThat(row(cpu, SEPARATE).met()).isNull();
        assertThat(row(cpu, SEPARATE).measured()).isEqualTo("not measured: deployment not in this run (--db)");
        // and the split deployment, asked for by name only, has no row at all
        assertThat(cpu).extracting(TargetCheck::name).noneMatch(name -> name.contains("split roles"));
    }

    @Test
    void shouldJudgeTheSplitDeploymentsCallsOnlyNodeAndShowItsBackOfficeAndDatabaseApart() {
        // given: --db split: the calls-only node 3 ms (1.5 x the floor's 2), its back-office node 2.5 ms and the
        // database process 4 ms; a node over 3 x fails whatever its back office spends
        IvrStep split = new IvrStep("hotline-split-roles", 10_000, 10_000, 0, 0, 10_000, 100,
                new Stats.Latency(1, 1, 1, 30, 30, 40), 20_000, 0, 90, 3, new java.util.TreeMap<>(), 4.0, 0, 0, 2.5);
        IvrStep heavy = new IvrStep("hotline-split-roles", 10_000, 10_000, 0, 0, 10_000, 100,
                new Stats.Latency(1, 1, 1, 30, 30, 40), 20_000, 0, 90, 7, new java.util.TreeMap<>(), 4.0, 0, 0, 0.5);
        IvrStep floor = step("raw-floor", 10_000, 0, 0, 5, 20_000, 2, null);
        String name = "Server CPU per call at 10,000 calls, split roles (calls-only node; back office and database apart)";

        // when
        TargetCheck met = row(IvrTargets.cpu(true, List.of(split, floor)), name);
        TargetCheck failed = row(IvrTargets.cpu(true, List.of(heavy, floor)), name);

        // then
        assertThat(met.met()).isTrue();
        assertThat(met.measured()).isEqualTo("node 3.00 ms/call vs floor 2.00 ms/call (1.5 x);"
                + " database 4.00 ms/call (node + database 3.5 x the floor); back-office node 2.50 ms/call");
        assertThat(failed.met()).isFalse();
    }
}

package org.hotline.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.hotline.bench.danger.DangerBench;
import org.hotline.bench.danger.DangerSettings;
import org.hotline.bench.report.BenchReport;
import org.hotline.bench.report.BenchReport.IvrStep;
import org.hotline.bench.report.MarkdownReport;
import org.hotline.bench.report.ReportFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs every benchmark kind with tiny numbers ({@link BenchPlan#smoke()}): proves the harness works end to end
 * over real sockets and writes a complete report. Says nothing about speed.
 */
class BenchSmokeIT {

    @TempDir
    Path work;

    @Test
    void shouldRunEveryBenchmarkKindAndWriteACompleteReport() throws Exception {
        // given
        Path repo = BenchFiles.repoRoot(Path.of(""));
        BenchPlan plan = BenchPlan.smoke();

        // when
        List<String> log = new java.util.concurrent.CopyOnWriteArrayList<>();
        BenchReport report = BenchRun.run(plan, BenchRun.KINDS, repo, work.resolve("run"), log::add);
        ReportFiles.write(report, work.resolve("results"));

        // then: every server, every step, every call completed with measured turnarounds
        assertThat(report.ivr()).extracting(IvrStep::target).containsExactly("hotline", "hotline",
                "hotline-separate-db", "hotline-separate-db", "raw-floor", "raw-floor", "stock-asterisk-java",
                "stock-asterisk-java");
        assertThat(report.ivr()).allSatisfy(step -> {
            assertThat(step.completed()).as(step.toString()).isEqualTo(step.callers());
            assertThat(step.refused() + step.failed()).isZero();
            assertThat(step.peakConcurrent()).isBetween(1, step.callers());
            assertThat(step.turnaround().count()).isGreaterThanOrEqualTo(10L * step.callers());
            assertThat(step.serverCpuMsPerCall()).isPositive();
            assertThat(step.byCommand()).containsKeys("ANSWER", "STREAM FILE", "SAY DIGITS");
            assertThat(step.drainMillis()).as("back office caught up").isNotNegative();
        });
        // every server answered the same unmeasured calls before its first step, and the report says so
        for (String server : List.of("hotline", "hotline-separate-db", "raw-floor", "stock-asterisk-java")) {
            assertThat(log).as(server).anyMatch(line -> line.startsWith("ivr: " + server + " warmed up with "
                    + plan.ivr().warmUpCalls() + " unmeasured calls (" + plan.ivr().warmUpCalls() + " completed)"));
            // and then some at the steps' own pacing, so the compiler catches up with the back office
            int paced = plan.ivr().pacedWarmUpCalls();
            assertThat(paced).isPositive();
            assertThat(log).as(server).anyMatch(line -> line.startsWith("ivr: " + server + " then answered " + paced
                    + " unmeasured calls at the steps' pacing (" + paced + " completed)"));
        }
        assertThat(report.environment().ivrWarmUpCalls()).isEqualTo(plan.ivr().warmUpCalls()).isPositive();
        // the heap is counted while the largest step's calls run again, never in a step whose turnaround counts
        int largest = java.util.Collections.max(plan.ivr().steps());
        for (String server : List.of("hotline", "hotline-separate-db", "raw-floor", "stock-asterisk-java")) {
            assertThat(log).as(server).anyMatch(line -> line.startsWith("ivr: " + server + " held " + largest
                    + " calls again: heap/call="));
        }
        assertThat(report.ivr()).filteredOn(step -> step.callers() < largest)
                .allSatisfy(step -> assertThat(step.heapPerCallBytes()).as(step.toString()).isEqualTo(-1));
        // the node's MongoDB round trips are counted per call (a tip, its referral, their updates: more than two)
        assertThat(report.ivr()).filteredOn(step -> step.target().equals("hotline"))
                .allSatisfy(step -> assertThat(step.roundTripsPerCall()).isGreaterThan(2));
        // and both deployments count their database's CPU apart from the node's (a process of its own, or the
        // embedded database's threads in the single box's JVM); the baselines have none
        assertThat(report.ivr()).allSatisfy(step -> {
            if (step.target().startsWith("hotline")) {
                assertThat(step.databaseCpuMsPerCall()).as(step.toString()).isPositive();
            } else {
                assertThat(step.databaseCpuMsPerCall()).as(step.toString()).isNull();
            }
        });
        assertThat(report.intake()).extracting(BenchReport.Throughput::path)
                .containsExactly("raw-insertOne", "hotline-intake", "raw-insertOne-steady", "hotline-intake-steady",
                        "hotline-intake-steady-to-mongodb");
        assertThat(report.intake()).allSatisfy(t -> assertThat(t.count()).isEqualTo(plan.intakeTips()));
        assertThat(report.dispatch()).extracting(BenchReport.Throughput::path)
                .containsExactly("raw-webclient-post", "hotline-dispatch");
        assertThat(report.dispatch()).allSatisfy(
                t -> assertThat(t.count()).isEqualTo((long) plan.dispatchTips() * plan.agencies()));
        // with what that JVM's heap did during each path: its collections and first touches of pages
        assertThat(report.dispatch()).allSatisfy(t -> {
            assertThat(t.memory()).isNotNull();
            assertThat(t.memory().gcCycles()).isNotNegative();
            assertThat(t.memory().pageFaults()).isNotNegative();
        });
        assertThat(report.intake()).allSatisfy(t -> assertThat(t.memory()).isNull());
        // in a JVM of its own, under the service's collector
        assertThat(Files.readString(work.resolve("run/dispatch/dispatch.log")))
                .containsPattern("dispatch: JVM \\d+, collectors \\[ZGC")
                .doesNotContain("dispatch: JVM " + ProcessHandle.current().pid() + ",");
        assertThat(report.pathway()).extracting(BenchReport.PathwayRate::rules).containsExactly(10, 100, 1_000);
        assertThat(report.pathway()).allSatisfy(p -> { assertThat(p.evaluationsPerSecond()).isPositive(); assertThat(p.evaluationsPerCpuSecond()).isPositive(); });
        assertThat(report.text()).extracting(BenchReport.Throughput::path).containsExactly("raw-http-echo", "hotline-text");
        assertThat(report.text()).allSatisfy(t -> {
            assertThat(t.count()).isEqualTo(plan.intakeTips());
            assertThat(t.perSecond()).isPositive();
        });
        DangerSettings danger = DangerSettings.forMode(plan.mode());
        assertThat(report.danger()).extracting(BenchReport.Throughput::path)
                .containsExactly(DangerBench.RAW, DangerBench.TO_POLICE, DangerBench.TO_ORIGINATE);
        assertThat(report.danger()).allSatisfy(t -> {
            assertThat(t.count()).as(t.path()).isEqualTo(danger.dangerCalls());
            assertThat(t.concurrency()).as("background calls in progress").isPositive();
            assertThat(t.latency().p99Ms()).isPositive();
        });
        assertThat(report.targets()).hasSize(10);
        assertThat(report.targets()).extracting(BenchReport.TargetCheck::name).contains("10,000 calls, real pacing",
                "AGI turnaround", "Server CPU per call at 10,000 calls, single box (database in the node)",
                "Server CPU per call at 10,000 calls, separate database process");
        assertThat(report.targets()).filteredOn(t -> t.name().equals("Danger key to police"))
                .singleElement().satisfies(t -> assertThat(t.met()).isNotNull());
        assertThat(report.environment().cpus()).isPositive();
        assertThat(report.environment().noise()).contains("CPUs", "steal");

        // and the files hold the same report
        assertThat(ReportFiles.read(work.resolve("results"))).isEqualTo(report);
        String markdown = java.nio.file.Files.readString(work.resolve("results").resolve(ReportFiles.MARKDOWN));
        assertThat(markdown).isEqualTo(MarkdownReport.render(report));
        for (String row : List.of("| hotline | 20 |", "| hotline-separate-db | 20 |", " (in node) |", "| raw-floor | 5 |",
                "| stock-asterisk-java | 20 |", "| hotline-intake |", "| hotline-intake-steady |", "| hotline-dispatch |",
                "| hotline-text |", "| 1,000 |", "| Heap per call |", "| danger-key-to-police |",
                "| danger-key-to-duty-originate |", "| Danger key to police |", "| Pathway figures trustworthy |")) {
            assertThat(markdown).contains(row);
        }
        assertThat(markdown).contains("| max ms | GC cycles | Page faults |");
        assertThat(markdown).contains("Each server first answered " + plan.ivr().warmUpCalls() + " unmeasured");
    }
}

package org.hotline.bench.report;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.hotline.bench.report.BenchReport.IvrStep;
import org.hotline.bench.report.BenchReport.TargetCheck;

/**
 * Issue 19's targets at 10,000 calls with a real caller's pacing (only {@code ./hotline bench --full} has it):
 * the turnaround a caller hears there (target 1) and the server CPU each call costs, for the single-box
 * deployment and for the one with its database in a process of its own (target 3), and for the split-role
 * deployment when the run has it. A run without that step says so and shows what it did measure, never a pass.
 */
final class IvrTargets {

    static final String SEPARATE = "hotline-separate-db";
    static final String SPLIT = "hotline-split-roles";
    static final int CALLS = 10_000;
    static final double P99_MS = 100;
    static final double P999_MS = 250;
    static final double CPU_FACTOR = 3;

    private IvrTargets() {}

    /** Target 1: at 10,000 real-pacing calls, AGI p99 and p99.9 within bounds and every call completed at once. */
    static TargetCheck realPacing(boolean realPacing, List<IvrStep> ivr) {
        String name = "10,000 calls, real pacing";
        String goal = "at 10,000 calls (--full): AGI p99 <= 100 ms and p99.9 <= 250 ms, none refused or failed";
        Optional<IvrStep> step = at(ivr, Targets.HOTLINE, CALLS);
        if (!realPacing || step.isEmpty()) {
            return new TargetCheck(name, goal, notMeasured(realPacing) + " (" + largestClean(ivr) + ")", null);
        }
        IvrStep s = step.get();
        boolean clean = s.completed() == s.callers() && s.peakConcurrent() == s.callers();
        String separate = at(ivr, SEPARATE, CALLS).map(d -> "; separate database: p99 %.2f ms, p99.9 %.2f ms, %,d failed"
                .formatted(d.turnaround().p99Ms(), d.turnaround().p999Ms(), d.refused() + d.failed())).orElse("");
        return new TargetCheck(name, goal, "p99 %.2f ms, p99.9 %.2f ms; %,d of %,d completed, %,d refused, %,d failed, peak %,d at once%s%s"
                .formatted(s.turnaround().p99Ms(), s.turnaround().p999Ms(), s.completed(), s.callers(), s.refused(),
                        s.failed(), s.peakConcurrent(), separate, stockRefusals(ivr)),
                clean && s.turnaround().p99Ms() <= P99_MS && s.turnaround().p999Ms() <= P999_MS);
    }

    /**
     * Target 3, one row per hotline deployment: the node's CPU per completed call within 3 x the raw floor's at
     * 10,000 real-pacing calls; the database's CPU per call beside it (the separate process's, or, for the single
     * box, its embedded database's threads, which the node's figure leaves out).
     */
    static List<TargetCheck> cpu(boolean realPacing, List<IvrStep> ivr) {
        List<TargetCheck> rows = new java.util.ArrayList<>(List.of(
                cpu(realPacing, ivr, Targets.HOTLINE, "single box (database in the node)"),
                cpu(realPacing, ivr, SEPARATE, "separate database process")));
        if (steps(ivr, SPLIT).findAny().isPresent()) {
            // only when asked for (--db split): the calls-only node against the floor, the back office beside it
            rows.add(cpu(realPacing, ivr, SPLIT, "split roles (calls-only node; back office and database apart)"));
        }
        return rows;
    }

    private static TargetCheck cpu(boolean realPacing, List<IvrStep> ivr, String target, String deployment) {
        String name = "Server CPU per call at 10,000 calls, " + deployment;
        String goal = "node CPU ms/call <= 3 x raw floor's at 10,000 calls (--full); database CPU shown apart"
                + (target.equals(Targets.HOTLINE) ? " (the embedded database's threads in the node's JVM)" : "");
        if (steps(ivr, target).findAny().isEmpty()) {
            return new TargetCheck(name, goal, "not measured: deployment not in this run (--db)", null);
        }
        Optional<IvrStep> step = at(ivr, target, CALLS);
        Optional<IvrStep> floor = at(ivr, Targets.FLOOR, CALLS);
        if (!realPacing || step.isEmpty() || floor.isEmpty() || !(floor.get().serverCpuMsPerCall() > 0)) {
            String here = largestBoth(ivr, target).map(s -> " (at %,d calls here: %s)".formatted(s.callers(),
                    cpuVsFloor(s, at(ivr, Targets.FLOOR, s.callers()).orElseThrow()))).orElse("");
            return new TargetCheck(name, goal, notMeasured(realPacing) + here, null);
        }
        IvrStep s = step.get();
        return new TargetCheck(name, goal, cpuVsFloor(s, floor.get()),
                s.completed() > 0 && s.serverCpuMsPerCall() <= CPU_FACTOR * floor.get().serverCpuMsPerCall());
    }

    private static String cpuVsFloor(IvrStep s, IvrStep floor) {
        double f = floor.serverCpuMsPerCall();
        String ratio = f > 0 ? " (%.1f x)".formatted(s.serverCpuMsPerCall() / f) : "";
        String database = s.databaseCpuMsPerCall() == null ? ""
                : "; database %.2f ms/call (node + database %.1f x the floor)".formatted(s.databaseCpuMsPerCall(),
                        f > 0 ? (s.serverCpuMsPerCall() + s.databaseCpuMsPerCall()) / f : 0);
        String backOffice = s.backOfficeCpuMsPerCall() == null ? ""
                : "; back-office node %.2f ms/call".formatted(s.backOfficeCpuMsPerCall());
        return "node %.2f ms/call vs floor %.2f ms/call%s%s%s".formatted(s.serverCpuMsPerCall(), f, ratio, database,
                backOffice);
    }

    private static String notMeasured(boolean realPacing) {
        return realPacing ? "not measured: no 10,000-call step in this run" : "not measured: needs --full";
    }

    /** What the run did show about concurrency: the hotline's largest clean step and the stock server's refusals. */
    private static String largestClean(List<IvrStep> ivr) {
        String clean = steps(ivr, Targets.HOTLINE).filter(s -> s.refused() == 0 && s.failed() == 0)
                .max(Comparator.comparingInt(IvrStep::callers))
                .map(s -> "largest clean step here: %,d calls, peak %,d at once".formatted(s.callers(), s.peakConcurrent()))
                .orElse("no clean step here");
        return clean + stockRefusals(ivr);
    }

    private static String stockRefusals(List<IvrStep> ivr) {
        return steps(ivr, Targets.STOCK).filter(s -> s.refused() > 0).min(Comparator.comparingInt(IvrStep::callers))
                .map(s -> "; stock server refused %,d of %,d (held at most %,d)".formatted(s.refused(), s.callers(),
                        s.peakConcurrent()))
                .orElse("");
    }

    /** The largest step of {@code target} that the floor also ran. */
    private static Optional<IvrStep> largestBoth(List<IvrStep> ivr, String target) {
        return steps(ivr, target).filter(s -> at(ivr, Targets.FLOOR, s.callers()).isPresent())
                .max(Comparator.comparingInt(IvrStep::callers));
    }

    private static Optional<IvrStep> at(List<IvrStep> ivr, String target, int callers) {
        return steps(ivr, target).filter(s -> s.callers() == callers).findFirst();
    }

    private static Stream<IvrStep> steps(List<IvrStep> ivr, String target) {
        return ivr.stream().filter(s -> s.target().equals(target));
    }
}

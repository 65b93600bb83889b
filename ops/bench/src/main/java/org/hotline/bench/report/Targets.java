package org.hotline.bench.report;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.hotline.bench.intake.IntakeBench;
import org.hotline.bench.report.BenchReport.IvrStep;
import org.hotline.bench.report.BenchReport.PathwayRate;
import org.hotline.bench.report.BenchReport.TargetCheck;
import org.hotline.bench.report.BenchReport.Throughput;

/** Checks a run's figures against the targets of the benchmark issue. */
public final class Targets {

    static final String HOTLINE = "hotline";
    static final String FLOOR = "raw-floor";
    static final String STOCK = "stock-asterisk-java";

    private Targets() {}

    /**
     * @param realPacing whether the IVR callers had a real caller's think times ({@code --full}): the targets at
     *     10,000 calls are about those callers, so a run with compressed pacing does not claim them
     */
    public static List<TargetCheck> check(boolean realPacing, List<IvrStep> ivr, List<Throughput> intake,
            List<Throughput> dispatch, List<PathwayRate> pathway) {
        List<TargetCheck> out = new ArrayList<>();
        out.add(IvrTargets.realPacing(realPacing, ivr));
        out.add(turnaround(ivr));
        out.addAll(IvrTargets.cpu(realPacing, ivr));
        out.add(ratio("Durable intake", "p99 <= 20 ms and <= 2 x raw insertOne (steady rate)",
                find(intake, IntakeBench.HOTLINE_STEADY), find(intake, IntakeBench.RAW_STEADY), 20, 2));
        out.add(ratio("Dispatch", "p99 <= 1000 ms and <= 3 x raw POST", find(dispatch, "hotline-dispatch"),
                find(dispatch, "raw-webclient-post"), 1_000, 3));
        out.add(pathwayRate(pathway));
        out.add(heap(ivr));
        return out;
    }

    private static TargetCheck turnaround(List<IvrStep> ivr) {
        String goal = "AGI p99 <= 1.5 x raw floor at 1,000 calls";
        Optional<IvrStep> hotline = steps(ivr, HOTLINE).filter(s -> s.callers() == 1_000).findFirst();
        Optional<IvrStep> floor = steps(ivr, FLOOR).filter(s -> s.callers() == 1_000).findFirst();
        if (hotline.isEmpty() || floor.isEmpty()) {
            return new TargetCheck("AGI turnaround", goal, "no 1,000-call step in this run", null);
        }
        double h = hotline.get().turnaround().p99Ms();
        double f = floor.get().turnaround().p99Ms();
        return new TargetCheck("AGI turnaround", goal, "%.2f ms vs floor %.2f ms (%.1f x)".formatted(h, f, h / f),
                h <= 1.5 * f);
    }

    private static TargetCheck ratio(String name, String goal, Optional<Throughput> real, Optional<Throughput> raw,
            double limitMs, double factor) {
        if (real.isEmpty() || raw.isEmpty() || real.get().count() == 0 || raw.get().count() == 0) {
            return new TargetCheck(name, goal, "not measured", null);
        }
        double r = real.get().latency().p99Ms();
        double b = raw.get().latency().p99Ms();
        return new TargetCheck(name, goal, "p99 %.2f ms vs raw %.2f ms (%.1f x)".formatted(r, b, r / b),
                r <= limitMs && r <= factor * b);
    }

    private static TargetCheck pathwayRate(List<PathwayRate> pathway) {
        String goal = ">= 1,000,000 evaluations/s per core at 100 rules";
        return pathway.stream().filter(p -> p.rules() == 100).findFirst()
                .map(p -> new TargetCheck("Pathway evaluation", goal,
                        "%,.0f per CPU-second (JMH wall clock %,.0f /s)".formatted(p.evaluationsPerCpuSecond(),
                                p.evaluationsPerSecond()), p.evaluationsPerCpuSecond() >= 1e6))
                .orElse(new TargetCheck("Pathway evaluation", goal, "no 100-rule run", null));
    }

    private static TargetCheck heap(List<IvrStep> ivr) {
        String goal = "<= 50 KB heap per idle concurrent call";
        return steps(ivr, HOTLINE).filter(s -> s.heapPerCallBytes() >= 0)
                .max(Comparator.comparingInt(IvrStep::callers))
                .map(s -> new TargetCheck("Heap per call", goal, "%.1f KB at %,d calls (%.3f platform threads/call)"
                        .formatted(s.heapPerCallBytes() / 1024.0, s.callers(), s.threadsPerCall()),
                        s.heapPerCallBytes() <= 50 * 1024))
                .orElse(new TargetCheck("Heap per call", goal, "not measured", null));
    }

    private static java.util.stream.Stream<IvrStep> steps(List<IvrStep> ivr, String target) {
        return ivr.stream().filter(s -> s.target().equals(target));
    }

    private static Optional<Throughput> find(List<Throughput> results, String path) {
        return results.stream().filter(t -> t.path().equals(path)).findFirst();
    }
}

package org.hotline.bench.report;

import java.util.List;
import java.util.stream.Collectors;
import org.hotline.bench.report.BenchReport.PathwayRate;
import org.hotline.bench.report.BenchReport.TargetCheck;

/** Whether the pathway figures can be trusted: JMH's error is small beside its score at every rule count. */
public final class PathwayTrustTarget {

    static final String NAME = "Pathway figures trustworthy";
    static final String GOAL = "JMH error < 10 % of the score at every rule count";
    private static final double LIMIT = 0.10;

    private PathwayTrustTarget() {}

    public static TargetCheck check(List<PathwayRate> pathway) {
        if (pathway.isEmpty()) {
            return new TargetCheck(NAME, GOAL, "not measured", null);
        }
        String measured = pathway.stream().map(p -> "%s at %,d".formatted(share(p.error(), p.evaluationsPerSecond()),
                p.rules())).collect(Collectors.joining(", ")) + " rules";
        if (pathway.stream().allMatch(p -> p.cpuError() >= 0)) {
            // the per-CPU-second figures do not count other processes' turns on the cores, the wall clock does
            measured += " (per CPU-second: " + pathway.stream()
                    .map(p -> share(p.cpuError(), p.evaluationsPerCpuSecond()))
                    .collect(Collectors.joining(", ")) + ")";
        }
        boolean met = pathway.stream().allMatch(p -> p.error() >= 0 && p.evaluationsPerSecond() > 0
                && p.error() / p.evaluationsPerSecond() < LIMIT);
        return new TargetCheck(NAME, GOAL, measured, met);
    }

    /** An error as a share of its score, e.g. {@code ± 4.2 %}; {@code no error} when JMH gave none. */
    static String share(double error, double score) {
        return error < 0 || score <= 0 ? "no error (too few iterations)" : "± %.1f %%".formatted(100 * error / score);
    }
}

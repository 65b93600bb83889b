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
        String measured = pathway.stream().map(p -> "%s at %,d".formatted(share(p), p.rules()))
                .collect(Collectors.joining(", ")) + " rules";
        boolean met = pathway.stream().allMatch(p -> p.error() >= 0 && p.evaluationsPerSecond() > 0
                && p.error() / p.evaluationsPerSecond() < LIMIT);
        return new TargetCheck(NAME, GOAL, measured, met);
    }

    /** The error as a share of the score, e.g. {@code ± 4.2 %}; {@code no error} when JMH gave none. */
    static String share(PathwayRate p) {
        return p.error() < 0 || p.evaluationsPerSecond() <= 0 ? "no error (too few iterations)"
                : "± %.1f %%".formatted(100 * p.error() / p.evaluationsPerSecond());
    }
}

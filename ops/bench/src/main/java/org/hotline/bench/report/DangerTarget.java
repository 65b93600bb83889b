package org.hotline.bench.report;

import java.util.List;
import java.util.Optional;
import org.hotline.bench.danger.DangerBench;
import org.hotline.bench.report.BenchReport.TargetCheck;
import org.hotline.bench.report.BenchReport.Throughput;

/** The danger-key target: a caller's 9 reaches the police and rings the duty officer within a second. */
public final class DangerTarget {

    static final String NAME = "Danger key to police";
    private static final double LIMIT_MS = 1_000;

    private DangerTarget() {}

    /**
     * Met when every danger call's IMMEDIATE referral reached the police and its duty-officer {@code Originate}
     * arrived, both at p99 within a second, with the run's background calls in progress (the goal names how many).
     */
    public static TargetCheck check(List<Throughput> danger) {
        Optional<Throughput> police = find(danger, DangerBench.TO_POLICE);
        Optional<Throughput> ring = find(danger, DangerBench.TO_ORIGINATE);
        Optional<Throughput> raw = find(danger, DangerBench.RAW);
        if (police.isEmpty() || ring.isEmpty() || raw.isEmpty()) {
            return new TargetCheck(NAME, goal("N"), "not measured", null);
        }
        long calls = Math.max(raw.get().count(), Math.max(police.get().count(), ring.get().count()));
        String goal = goal("%,d".formatted(police.get().concurrency()));
        String measured = "police p99 %.2f ms, Originate p99 %.2f ms vs raw POST p99 %.2f ms (%,d danger calls)"
                .formatted(police.get().latency().p99Ms(), ring.get().latency().p99Ms(), raw.get().latency().p99Ms(),
                        calls);
        boolean allArrived = police.get().count() == calls && ring.get().count() == calls && calls > 0;
        if (!allArrived) {
            measured += "; missing: %,d police receipts, %,d Originates".formatted(calls - police.get().count(),
                    calls - ring.get().count());
        }
        return new TargetCheck(NAME, goal, measured, allArrived && police.get().latency().p99Ms() <= LIMIT_MS
                && ring.get().latency().p99Ms() <= LIMIT_MS);
    }

    private static String goal(String inProgress) {
        return "p99 <= 1000 ms to police receipt and to the duty-officer Originate, with " + inProgress
                + " calls in progress";
    }

    private static Optional<Throughput> find(List<Throughput> rows, String path) {
        return rows.stream().filter(t -> t.path().equals(path)).findFirst();
    }
}

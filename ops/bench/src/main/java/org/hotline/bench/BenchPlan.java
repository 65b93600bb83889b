package org.hotline.bench;

import java.time.Duration;
import java.util.List;
import org.hotline.bench.ivr.DatabaseMode;
import org.hotline.bench.ivr.IvrSettings;
import org.hotline.bench.pathway.PathwayBench;
import org.hotline.ivr.sim.Pacing;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * The sizes of one run. {@link #quick()} is {@code ./hotline bench} (about 4 minutes), {@link #full()} is
 * {@code ./hotline bench --full}, {@link #smoke()} is the seconds-long run the test suite makes.
 *
 * @param intakeTips tips per intake path; {@code intakeConcurrency} submit in parallel as fast as they can, then
 *     the same number arrive at a steady {@code intakeTipsPerSecond} (100/s: one tip per 90 s call from each of
 *     10,000 callers at once, the busiest the concurrency target describes)
 * @param dispatchTipsPerSecond steady rate of saved tips in the dispatch benchmark, {@code dispatchTips} in all;
 *     each tip makes one delivery per agency
 */
public record BenchPlan(String mode, IvrSettings ivr, int intakeTips, int intakeConcurrency,
        double intakeTipsPerSecond, int agencies,
        double dispatchTipsPerSecond, int dispatchTips, PathwayBench.Settings pathway) {

    private static final List<Integer> RULES = List.of(10, 100, 1_000);
    /** The hotline with its database in the node (one box) and in a process of its own (as production runs it). */
    private static final List<DatabaseMode> BOTH = List.of(DatabaseMode.EMBEDDED, DatabaseMode.SEPARATE);

    /** Think times compressed about tenfold so three ramps against four servers fit in about three minutes. */
    public static BenchPlan quick() {
        return new BenchPlan("short",
                new IvrSettings(List.of(100, 1_000, 2_000), Pacing.realistic(ms(250), ms(150), ms(600)),
                        Duration.ofSeconds(2), "2g", BOTH, 500),
                500, 16, 100, 5, 4, 60,
                new PathwayBench.Settings(RULES, 1, 5, 10, TimeValue.seconds(1)));
    }

    /** Think times of a real caller: a prompt plays 3 s, keys take 1.5 s, silences wait up to 5 s. */
    public static BenchPlan full() {
        return new BenchPlan("full",
                new IvrSettings(List.of(100, 1_000, 5_000, 10_000), Pacing.realistic(ms(3_000), ms(1_500), ms(5_000)),
                        Duration.ofSeconds(20), "4g", BOTH, 3_000),
                6_000, 32, 100, 5, 5, 600,
                // 100 measured iterations per rule count: at the noisiest run's spread 30 gave JMH ± 14.3 %, over
                // target 6's 10 % (BenchPlanTest); 5 forks average out one JVM's inlining choices
                new PathwayBench.Settings(RULES, 5, 5, 20, TimeValue.seconds(1)));
    }

    /** Tiny numbers: checks that every benchmark runs and reports, not how fast. */
    public static BenchPlan smoke() {
        return new BenchPlan("smoke",
                new IvrSettings(List.of(5, 20), Pacing.realistic(ms(20), ms(10), ms(50)), Duration.ofMillis(100),
                        "512m", BOTH, 6),
                20, 4, 200, 5, 50, 10,
                new PathwayBench.Settings(RULES, 0, 0, 1, TimeValue.milliseconds(100)));
    }

    /** True when the IVR callers keep a real caller's think times (the full plan's), as the 10,000-call targets say. */
    public boolean realPacing() {
        return ivr.pacing().equals(full().ivr().pacing());
    }

    /** The same plan with another dispatch rate (tips per second), for finding where dispatch saturates. */
    public BenchPlan withDispatchRate(double tipsPerSecond) {
        if (!(tipsPerSecond > 0) || Double.isInfinite(tipsPerSecond)) {
            throw new IllegalArgumentException("dispatch rate must be a positive number, got " + tipsPerSecond);
        }
        return new BenchPlan(mode, ivr, intakeTips, intakeConcurrency, intakeTipsPerSecond, agencies, tipsPerSecond,
                dispatchTips, pathway);
    }

    /** The same plan with other IVR steps (concurrent calls), e.g. only the 1,000 the AGI target names. */
    public BenchPlan withIvrSteps(List<Integer> steps) {
        return withIvr(ivr.withSteps(steps));
    }

    /** The same plan with other hotline deployments ({@code --db embedded,separate}). */
    public BenchPlan withDatabases(List<DatabaseMode> databases) {
        return withIvr(ivr.withDatabases(databases));
    }

    private BenchPlan withIvr(IvrSettings other) {
        return new BenchPlan(mode, other, intakeTips, intakeConcurrency, intakeTipsPerSecond, agencies,
                dispatchTipsPerSecond, dispatchTips, pathway);
    }

    private static Duration ms(long millis) {
        return Duration.ofMillis(millis);
    }
}

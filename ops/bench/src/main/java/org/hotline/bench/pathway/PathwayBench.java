package org.hotline.bench.pathway;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import org.hotline.pathway.Pathway;
import org.hotline.pathway.TipFacts;
import org.hotline.bench.report.BenchReport.PathwayRate;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.openjdk.jmh.runner.options.VerboseMode;

/** Runs {@link PathwayEvaluation} through JMH on one thread, and the same loop timed by thread CPU time. */
public final class PathwayBench {

    /**
     * JMH settings.
     *
     * @param forks 0 runs in this JVM (quick, less isolated); 1 or more fork fresh JVMs
     */
    public record Settings(List<Integer> rules, int forks, int warmups, int iterations, TimeValue iterationTime) {
        public Settings {
            rules = List.copyOf(rules);
        }
    }

    private PathwayBench() {}

    public static List<PathwayRate> run(Settings s) throws RunnerException {
        Collection<RunResult> results = new Runner(new OptionsBuilder()
                .include(PathwayEvaluation.class.getName() + ".route")
                .param("rules", s.rules().stream().map(String::valueOf).toArray(String[]::new))
                .threads(1).forks(s.forks())
                .warmupIterations(s.warmups()).warmupTime(s.iterationTime())
                .measurementIterations(s.iterations()).measurementTime(s.iterationTime())
                .verbosity(VerboseMode.SILENT)
                .build()).run();
        long cpuBudget = s.iterationTime().convertTo(TimeUnit.NANOSECONDS);
        return results.stream()
                .map(r -> {
                    int rules = Integer.parseInt(r.getParams().getParam("rules"));
                    double error = r.getPrimaryResult().getScoreError();
                    return new PathwayRate(rules, Math.round(r.getPrimaryResult().getScore()),
                            Double.isNaN(error) ? -1 : Math.round(error), Math.round(perCpuSecond(rules, cpuBudget)));
                })
                .sorted(Comparator.comparingInt(PathwayRate::rules))
                .toList();
    }

    /**
     * Evaluations per second of this thread's CPU time, after a warm-up of the same length: unlike the wall
     * clock, unaffected by other processes taking turns on the cores.
     */
    static double perCpuSecond(int rules, long cpuNanos) {
        Pathway pathway = GeneratedPathway.load(rules);
        TipFacts[] tips = GeneratedPathway.tips(rules, 1_024, 42);
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long sink = evaluate(pathway, tips, threads, cpuNanos)[1];
        long[] measured = evaluate(pathway, tips, threads, cpuNanos);
        // The sink keeps the JIT from dropping the evaluations as unused.
        return sink == Long.MIN_VALUE ? 0 : measured[0] * 1e9 / measured[2];
    }

    /** Runs evaluations until {@code cpuNanos} of thread CPU are spent: {evaluations, sink, cpu nanos}. */
    private static long[] evaluate(Pathway pathway, TipFacts[] tips, ThreadMXBean threads, long cpuNanos) {
        long start = threads.getCurrentThreadCpuTime();
        long evaluations = 0;
        long sink = 0;
        long spent;
        do {
            for (int i = 0; i < 10_000; i++) {
                sink += pathway.route(tips[(int) (evaluations++ & 1_023)]).recipients().size();
            }
            spent = threads.getCurrentThreadCpuTime() - start;
        } while (spent < cpuNanos);
        return new long[] {evaluations, sink, spent};
    }
}

package org.hotline.bench.pathway;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.hotline.bench.report.BenchReport.PathwayRate;
import org.openjdk.jmh.results.BenchmarkResult;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.openjdk.jmh.runner.options.VerboseMode;
import org.openjdk.jmh.util.ListStatistics;

/** Runs {@link PathwayEvaluation} through JMH on one thread, timed by the wall clock and by the thread's CPU time. */
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
                // A fixed, touched heap: a heap that grows while the JVM allocates ~3 GB/s of routing results
                // changes the collector's work from one iteration to the next.
                .jvmArgsAppend("-Xms1g", "-Xmx1g", "-XX:+AlwaysPreTouch")
                .warmupIterations(s.warmups()).warmupTime(s.iterationTime())
                .measurementIterations(s.iterations()).measurementTime(s.iterationTime())
                .verbosity(VerboseMode.SILENT)
                .build()).run();
        return results.stream()
                .map(r -> {
                    int rules = Integer.parseInt(r.getParams().getParam("rules"));
                    double error = r.getPrimaryResult().getScoreError();
                    ListStatistics cpu = perCpuSecond(r);
                    double cpuError = cpu.getN() < 2 ? -1 : cpu.getMeanErrorAt(0.999);
                    return new PathwayRate(rules, Math.round(r.getPrimaryResult().getScore()),
                            Double.isNaN(error) ? -1 : Math.round(error), Math.round(cpu.getMean()),
                            Double.isNaN(cpuError) ? -1 : Math.round(cpuError));
                })
                .sorted(Comparator.comparingInt(PathwayRate::rules))
                .toList();
    }

    /**
     * Evaluations per second of the benchmark thread's own CPU time, one value per measured iteration, from the
     * counters {@link PathwayEvaluation.CpuTime} keeps in the same JVM: unlike the wall clock, unaffected by
     * other processes taking turns on the cores.
     */
    static ListStatistics perCpuSecond(RunResult r) {
        ListStatistics rates = new ListStatistics();
        for (BenchmarkResult fork : r.getBenchmarkResults()) {
            for (IterationResult iteration : fork.getIterationResults()) {
                Map<String, Result> counters = iteration.getSecondaryResults();
                Result calls = counters.get("calls");
                Result cpu = counters.get("cpuNanos");
                if (calls != null && cpu != null && cpu.getScore() > 0) {
                    rates.addValue(calls.getScore() * 1e9 / cpu.getScore());
                }
            }
        }
        if (rates.getN() == 0) {
            throw new IllegalStateException("JMH gave no CPU-time counters for " + r.getParams().getParam("rules")
                    + " rules");
        }
        return rates;
    }
}

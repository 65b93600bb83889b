package org.hotline.bench.pathway;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import org.hotline.bench.report.BenchReport.PathwayRate;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.openjdk.jmh.runner.options.VerboseMode;

/** Runs {@link PathwayEvaluation} through JMH on one thread (so the figure is per core). */
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
        return results.stream()
                .map(r -> new PathwayRate(Integer.parseInt(r.getParams().getParam("rules")),
                        Math.round(r.getPrimaryResult().getScore()),
                        Double.isNaN(r.getPrimaryResult().getScoreError()) ? 0
                                : Math.round(r.getPrimaryResult().getScoreError())))
                .sorted(Comparator.comparingInt(PathwayRate::rules))
                .toList();
    }
}

package org.hotline.bench.pathway;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.concurrent.TimeUnit;
import org.hotline.pathway.Pathway;
import org.hotline.pathway.Routing;
import org.hotline.pathway.TipFacts;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * JMH: routing decisions per second for generated pathways of 10, 100 and 1,000 rules, and, beside the wall
 * clock, the measuring thread's own CPU time per iteration ({@link CpuTime}).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class PathwayEvaluation {

    private static final int TIPS = 1_024;

    @Param({"10", "100", "1000"})
    public int rules;

    private Pathway pathway;
    private TipFacts[] tips;
    private int next;

    @Setup(Level.Trial)
    public void setUp() {
        pathway = GeneratedPathway.load(rules);
        tips = GeneratedPathway.tips(rules, TIPS, 42);
    }

    @Benchmark
    public Routing route(CpuTime cpu) {
        cpu.calls++;
        return pathway.route(tips[next++ & (TIPS - 1)]);
    }

    /**
     * The benchmark thread's CPU time and calls in each iteration, summed by JMH over the measured ones, so the
     * harness can report evaluations per CPU-second measured in the same forked JVM, over the same iterations,
     * as the wall-clock score. Read once per iteration, not per call: the clock costs as much as an evaluation.
     */
    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.EVENTS)
    public static class CpuTime {

        private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

        /** Evaluations in this iteration. */
        public long calls;
        /** CPU nanoseconds of the benchmark thread in this iteration (set when the iteration ends). */
        public long cpuNanos;
        private long startedAt;

        @Setup(Level.Iteration)
        public void start() {
            calls = 0;
            cpuNanos = 0;
            startedAt = THREADS.getCurrentThreadCpuTime();
        }

        @TearDown(Level.Iteration)
        public void stop() {
            cpuNanos = THREADS.getCurrentThreadCpuTime() - startedAt;
        }
    }
}

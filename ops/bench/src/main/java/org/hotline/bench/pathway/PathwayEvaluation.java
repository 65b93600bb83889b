package org.hotline.bench.pathway;

import java.util.concurrent.TimeUnit;
import org.hotline.pathway.Pathway;
import org.hotline.pathway.Routing;
import org.hotline.pathway.TipFacts;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/** JMH: routing decisions per second for generated pathways of 10, 100 and 1,000 rules. */
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
    public Routing route() {
        return pathway.route(tips[next++ & (TIPS - 1)]);
    }
}

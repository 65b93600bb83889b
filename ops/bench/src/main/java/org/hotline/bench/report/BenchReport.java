package org.hotline.bench.report;

import java.util.List;

/**
 * Everything one benchmark run measured, each figure beside its baseline from the same run. Serialised as
 * JSON as is, and rendered as Markdown by {@link MarkdownReport}.
 */
public record BenchReport(
        Environment environment,
        List<IvrStep> ivr,
        List<Throughput> intake,
        List<Throughput> dispatch,
        List<PathwayRate> pathway,
        List<TargetCheck> targets,
        List<Throughput> text,
        List<Throughput> danger) {

    public BenchReport {
        // reports written before the text or danger benchmark have no such field
        text = text == null ? List.of() : List.copyOf(text);
        danger = danger == null ? List.of() : List.copyOf(danger);
        ivr = List.copyOf(ivr);
        intake = List.copyOf(intake);
        dispatch = List.copyOf(dispatch);
        pathway = List.copyOf(pathway);
        targets = List.copyOf(targets);
    }

    /** A run without the text and danger benchmarks. */
    public BenchReport(Environment environment, List<IvrStep> ivr, List<Throughput> intake, List<Throughput> dispatch,
            List<PathwayRate> pathway, List<TargetCheck> targets) {
        this(environment, ivr, intake, dispatch, pathway, targets, List.of(), List.of());
    }

    /**
     * Where and when the run happened; absolute figures only compare within one environment.
     *
     * @param noise how busy the machine was during the run (load sampled each second, stolen CPU time)
     */
    /** @param ivrWarmUpCalls unmeasured calls each IVR server answered before its first step */
    public record Environment(String date, int cpus, String jdk, String os, String mode, long maxHeapMb,
            long openFilesLimit, String ephemeralPorts, String noise, int ivrWarmUpCalls) {}

    /**
     * One ramp step of the IVR load against one target.
     *
     * @param target {@code hotline}, {@code hotline-separate-db}, {@code hotline-split-roles}, {@code raw-floor} or
     *     {@code stock-asterisk-java}
     * @param callers calls placed in this step (all started within the ramp, so they overlap)
     * @param refused calls the server closed before sending a single command
     * @param failed calls that broke off otherwise (reset, idle timeout, protocol violation, no status)
     * @param peakConcurrent most calls connected at the same moment, from the calls' start and end times
     * @param turnaround server time per AGI command (simulated caller time excluded)
     * @param heapPerCallBytes server JVM heap growth per held call, after GC (-1 when not measured): counted in a
     *     step of its own with the same calls, whose turnaround is not measured (see {@code IvrLoadBench})
     * @param threadsPerCall server JVM platform-thread growth per held call, counted with the heap
     * @param serverCpuMsPerCall CPU time the server process used during the step, per completed call (all its
     *     threads: calls, GC, and for the hotline intake, routing and dispatch), less its embedded database's
     *     threads when the database runs inside the node; unlike latency, unaffected by other processes taking
     *     turns on the cores
     * @param byCommand turnaround per AGI command verb (e.g. {@code SAY DIGITS}), showing where the time goes
     * @param databaseCpuMsPerCall CPU time of the database during the step, per completed call: the separate
     *     database's process, or the embedded database's threads inside the single-box node; null for a baseline
     * @param roundTripsPerCall MongoDB round trips per completed call, the back office's included
     * @param drainMillis how long the deployment took after the last call to have routed and sent its tips (-1:
     *     not within the limit)
     * @param backOfficeCpuMsPerCall CPU time of the split deployment's back-office node during the step, per completed
     *     call (routing, dispatch); null when the node under test runs every role
     */
    public record IvrStep(String target, int callers, int completed, int refused, int failed, int peakConcurrent,
            double callsPerSecond, Stats.Latency turnaround, long heapPerCallBytes, double threadsPerCall,
            double wallSeconds, double serverCpuMsPerCall, java.util.SortedMap<String, Stats.Latency> byCommand,
            Double databaseCpuMsPerCall, double roundTripsPerCall, long drainMillis, Double backOfficeCpuMsPerCall) {

        public IvrStep {
            byCommand = java.util.Collections.unmodifiableSortedMap(new java.util.TreeMap<>(byCommand));
        }

        /** This step with the heap and threads per held call that a step of the same calls counted. */
        public IvrStep withHeld(IvrStep held) {
            return new IvrStep(target, callers, completed, refused, failed, peakConcurrent, callsPerSecond,
                    turnaround, held.heapPerCallBytes(), held.threadsPerCall(), wallSeconds, serverCpuMsPerCall,
                    byCommand, databaseCpuMsPerCall, roundTripsPerCall, drainMillis, backOfficeCpuMsPerCall);
        }
    }

    /**
     * A throughput/latency measurement of one path.
     *
     * @param path what was measured (e.g. {@code hotline-intake}, {@code raw-insertOne})
     * @param concurrency parallel submitters (or agencies, for dispatch)
     * @param perSecond completed operations per second
     * @param memory what the measuring JVM's heap did during the path; null where it was not recorded
     */
    public record Throughput(String path, int concurrency, long count, double perSecond, Stats.Latency latency,
            Memory memory) {

        public Throughput(String path, int concurrency, long count, double perSecond, Stats.Latency latency) {
            this(path, concurrency, count, perSecond, latency, null);
        }
    }

    /**
     * A measuring JVM's garbage collection cycles and page faults (minor and major) during one path.
     *
     * @param pageFaults -1 where the system does not count them
     */
    public record Memory(long gcCycles, long pageFaults) {}

    /**
     * Pathway evaluation on one thread.
     *
     * @param evaluationsPerSecond JMH throughput (wall clock), with its 99.9% {@code error} (-1 when JMH gives
     *     none: fewer than three iterations)
     * @param evaluationsPerCpuSecond evaluations per second of the thread's own CPU time: the per-core figure,
     *     which stays meaningful when other processes share the cores
     * @param cpuError 99.9% error of {@code evaluationsPerCpuSecond} over the same iterations (-1 when unknown)
     */
    public record PathwayRate(int rules, double evaluationsPerSecond, double error, double evaluationsPerCpuSecond,
            double cpuError) {

        /** A rate without the per-CPU error (reports written before it was measured). */
        public PathwayRate(int rules, double evaluationsPerSecond, double error, double evaluationsPerCpuSecond) {
            this(rules, evaluationsPerSecond, error, evaluationsPerCpuSecond, -1);
        }
    }

    /** One target from the issue and whether this run met it ({@code met} null when not measured). */
    public record TargetCheck(String name, String goal, String measured, Boolean met) {}
}

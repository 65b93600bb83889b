package org.hotline.bench.ivr;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLongArray;
import org.hotline.bench.report.BenchReport.IvrStep;
import org.hotline.bench.report.Stats;
import org.hotline.ivr.sim.CallResult;

/**
 * One IVR step's figures from its calls: completed, refused and failed calls, the most at once, the turnaround in
 * all and per AGI command, calls per second, and the heap, threads and CPU per call from the server's counts.
 */
final class StepSummary {

    private static final Set<String> TWO_WORD_VERBS = Set.of("STREAM", "GET", "SAY", "SET", "WAIT", "RECORD",
            "CONTROL", "DATABASE", "CHANNEL", "SPEECH", "GOSUB", "RECEIVE", "SEND", "TDD");

    private StepSummary() {}

    /**
     * @param sample when the heap was counted: the calls in progress then are the ones it holds
     * @param held the server's figures with every call in progress; null when the step counted no heap
     * @param cpuNanos the node's CPU during the step, then its database's and its back office's (-1 when none)
     */
    static IvrStep summarise(ServerKind kind, int n, List<CompletableFuture<CallResult>> calls, long[] starts,
            AtomicLongArray ends, long sample, ServerHandle.JvmStats before, ServerHandle.JvmStats held,
            long[] cpuNanos) {
        Stats turnaround = new Stats();
        Map<String, Stats> byCommand = new TreeMap<>();
        int completed = 0;
        int refused = 0;
        List<long[]> heldIntervals = new ArrayList<>();
        long first = Long.MAX_VALUE;
        long last = Long.MIN_VALUE;
        for (int i = 0; i < n; i++) {
            CallResult call = calls.get(i).isDone() && !calls.get(i).isCompletedExceptionally()
                    ? calls.get(i).join() : null;
            if (call != null && call.exchanges().isEmpty()) {
                refused++;
                continue;
            }
            long end = ends.get(i) == 0 ? Long.MAX_VALUE : ends.get(i);
            heldIntervals.add(new long[] {starts[i], end});
            if (call != null && IvrLoadBench.completed(call)) {
                completed++;
                for (CallResult.Exchange exchange : call.exchanges()) {
                    turnaround.record(exchange.turnaround());
                    byCommand.computeIfAbsent(verb(exchange.command()), v -> new Stats()).record(exchange.turnaround());
                }
                first = Math.min(first, starts[i]);
                last = Math.max(last, end);
            }
        }
        long active = heldIntervals.stream().filter(iv -> iv[0] <= sample && sample < iv[1]).count();
        double seconds = completed == 0 ? 0 : (last - first) / 1e9;
        return new IvrStep(kind.label(), n, completed, refused, n - completed - refused, peak(heldIntervals),
                seconds == 0 ? 0 : round(completed / seconds), turnaround.summary(),
                held == null || active == 0 ? -1 : (held.heapBytes() - before.heapBytes()) / active,
                held == null || active == 0 ? 0
                        : round((held.platformThreads() - before.platformThreads()) / (double) active),
                round(seconds), perCall(cpuNanos[0], completed), summaries(byCommand),
                cpuNanos[1] < 0 ? null : perCall(cpuNanos[1], completed), 0, 0,
                cpuNanos[2] < 0 ? null : perCall(cpuNanos[2], completed));
    }

    private static double perCall(long cpuNanos, int completed) {
        return completed == 0 ? 0 : round(cpuNanos / 1e6 / completed);
    }

    /** The command's name without its arguments: {@code STREAM FILE}, {@code GET DATA}, {@code ANSWER}, ... */
    static String verb(String command) {
        String[] words = command.trim().split("\\s+", 3);
        return words.length > 1 && TWO_WORD_VERBS.contains(words[0]) ? words[0] + " " + words[1] : words[0];
    }

    private static SortedMap<String, Stats.Latency> summaries(Map<String, Stats> byCommand) {
        SortedMap<String, Stats.Latency> out = new TreeMap<>();
        byCommand.forEach((verb, stats) -> out.put(verb, stats.summary()));
        return out;
    }

    /** Most intervals open at one instant (start inclusive, end exclusive). */
    static int peak(List<long[]> intervals) {
        long[] startsSorted = intervals.stream().mapToLong(iv -> iv[0]).sorted().toArray();
        long[] endsSorted = intervals.stream().mapToLong(iv -> iv[1]).sorted().toArray();
        int open = 0;
        int max = 0;
        int e = 0;
        for (long s : startsSorted) {
            while (e < endsSorted.length && endsSorted[e] <= s) {
                open--;
                e++;
            }
            open++;
            max = Math.max(max, open);
        }
        return max;
    }

    /** To two decimals, as the report shows its figures. */
    static double round(double value) {
        return Math.round(value * 100) / 100.0;
    }
}

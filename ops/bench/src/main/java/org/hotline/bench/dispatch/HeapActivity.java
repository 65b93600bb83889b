package org.hotline.bench.dispatch;

import java.io.IOException;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.hotline.bench.report.BenchReport.Memory;

/**
 * This JVM's garbage collection cycles and page faults from one moment on: what its heap did while a path was
 * measured. A path's tail depends on both on a machine where a fresh page costs 10-15 µs (docs/BENCHMARKS.md,
 * seventeenth session), so the dispatch table shows them beside each path's latencies.
 */
final class HeapActivity {

    private static final Path STAT = Path.of("/proc/self/stat");

    private final long cycles;
    private final long faults;

    private HeapActivity(long cycles, long faults) {
        this.cycles = cycles;
        this.faults = faults;
    }

    static HeapActivity now() {
        return new HeapActivity(gcCycles(), pageFaults());
    }

    /** Cycles and faults since {@link #now}; faults -1 where the system does not count them. */
    Memory since() {
        long faultsNow = pageFaults();
        return new Memory(gcCycles() - cycles, faults < 0 || faultsNow < 0 ? -1 : faultsNow - faults);
    }

    /**
     * Collections so far: ZGC's cycle counters where the JVM has them (its pause counters count the same cycles'
     * pauses again), every collector's count otherwise.
     */
    static long gcCycles() {
        List<GarbageCollectorMXBean> beans = ManagementFactory.getGarbageCollectorMXBeans();
        List<GarbageCollectorMXBean> cycles = beans.stream().filter(b -> b.getName().endsWith("Cycles")).toList();
        return (cycles.isEmpty() ? beans : cycles).stream().mapToLong(b -> Math.max(0, b.getCollectionCount())).sum();
    }

    private static long pageFaults() {
        try {
            return faults(Files.readString(STAT));
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    /** Minor and major faults from a {@code /proc/<pid>/stat} line (fields 10 and 12); -1 when it has none. */
    static long faults(String stat) {
        int end = stat.lastIndexOf(')');
        if (end < 0) {
            return -1;
        }
        String[] fields = stat.substring(end + 1).trim().split("\\s+");
        if (fields.length < 10) {
            return -1;
        }
        try {
            // after the command's closing parenthesis, field 3 (state) is first: minflt is field 10, majflt 12
            return Long.parseLong(fields[7]) + Long.parseLong(fields[9]);
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}

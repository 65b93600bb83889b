package org.hotline.bench.report;

import org.hotline.bench.report.BenchReport.Environment;
import org.hotline.bench.report.BenchReport.IvrStep;
import org.hotline.bench.report.BenchReport.PathwayRate;
import org.hotline.bench.report.BenchReport.TargetCheck;
import org.hotline.bench.report.BenchReport.Throughput;

/** Renders a {@link BenchReport} as the Markdown tables kept in {@code docs/BENCHMARKS.md}. */
public final class MarkdownReport {

    private MarkdownReport() {}

    public static String render(BenchReport r) {
        StringBuilder md = new StringBuilder();
        Environment e = r.environment();
        md.append("Run: ").append(e.date()).append(" · mode `").append(e.mode()).append("` · ").append(e.cpus())
                .append(" CPUs · JDK ").append(e.jdk()).append(" · ").append(e.os()).append(" · bench heap ")
                .append(e.maxHeapMb()).append(" MB · open files limit ").append(e.openFilesLimit())
                .append(" · ephemeral ports ").append(e.ephemeralPorts()).append("\n\n");
        md.append("### Targets\n\n| Target | Goal | Measured | Met |\n|---|---|---|---|\n");
        for (TargetCheck t : r.targets()) {
            md.append("| ").append(t.name()).append(" | ").append(t.goal()).append(" | ").append(t.measured())
                    .append(" | ").append(t.met() == null ? "n/a" : t.met() ? "yes" : "**no**").append(" |\n");
        }
        md.append("\n### IVR load (full report calls, server in its own JVM)\n\n")
                .append("| Server | Calls | Completed | Refused | Failed | Peak at once | Calls/s | AGI p50 ms | ")
                .append("AGI p99 ms | AGI p99.9 ms | Heap/call KB | Threads/call |\n")
                .append("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        for (IvrStep s : r.ivr()) {
            md.append("| %s | %,d | %,d | %,d | %,d | %,d | %.1f | %.3f | %.3f | %.3f | %s | %.3f |\n".formatted(
                    s.target(), s.callers(), s.completed(), s.refused(), s.failed(), s.peakConcurrent(),
                    s.callsPerSecond(), s.turnaround().p50Ms(), s.turnaround().p99Ms(), s.turnaround().p999Ms(),
                    s.heapPerCallBytes() < 0 ? "n/a" : "%.1f".formatted(s.heapPerCallBytes() / 1024.0),
                    s.threadsPerCall()));
        }
        throughput(md, "Tip intake (durable)", "Submitters", r.intake());
        throughput(md, "Dispatch (tip saved → agency HTTP receipt)", "Agencies", r.dispatch());
        md.append("\n### Pathway evaluation (JMH, one thread)\n\n| Rules | Evaluations/s | ± (99.9%) |\n|---:|---:|---:|\n");
        for (PathwayRate p : r.pathway()) {
            md.append("| %,d | %,.0f | %,.0f |\n".formatted(p.rules(), p.evaluationsPerSecond(), p.error()));
        }
        return md.toString();
    }

    private static void throughput(StringBuilder md, String title, String concurrency, java.util.List<Throughput> rows) {
        md.append("\n### ").append(title).append("\n\n| Path | ").append(concurrency)
                .append(" | Count | Per second | p50 ms | p99 ms | p99.9 ms | max ms |\n")
                .append("|---|---:|---:|---:|---:|---:|---:|---:|\n");
        for (Throughput t : rows) {
            md.append("| %s | %d | %,d | %,.1f | %.3f | %.3f | %.3f | %.3f |\n".formatted(t.path(), t.concurrency(),
                    t.count(), t.perSecond(), t.latency().p50Ms(), t.latency().p99Ms(), t.latency().p999Ms(),
                    t.latency().maxMs()));
        }
    }
}

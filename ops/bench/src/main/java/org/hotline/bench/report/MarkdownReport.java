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
                .append(" · ephemeral ports ").append(e.ephemeralPorts()).append("\n\nMachine during the run: ")
                .append(e.noise()).append("\n\n");
        md.append("### Targets\n\n| Target | Goal | Measured | Met |\n|---|---|---|---|\n");
        for (TargetCheck t : r.targets()) {
            md.append("| ").append(t.name()).append(" | ").append(t.goal()).append(" | ").append(t.measured())
                    .append(" | ").append(t.met() == null ? "n/a" : t.met() ? "yes" : "**no**").append(" |\n");
        }
        md.append("\n### IVR load (full report calls, server in its own JVM)\n\n")
                .append("Each server first answered %,d unmeasured report calls at a tenth of the think times "
                        .formatted(e.ivrWarmUpCalls()))
                .append("and a sixth as many at the steps' own pacing (its code compiled, as a node's is after its ")
                .append("first minutes). The heap per held call is counted while the largest step's calls run again, ")
                .append("unmeasured: the count stops the server's world.\n\n")
                .append("| Server | Calls | Completed | Refused | Failed | Peak at once | Calls/s | AGI p50 ms | ")
                .append("AGI p99 ms | AGI p99.9 ms | Node CPU ms/call | Database CPU ms/call | Back-office node CPU ms/call | ")
                .append("MongoDB round trips/call | Back office done s | Heap/call KB | Threads/call |\n")
                .append("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        for (IvrStep s : r.ivr()) {
            md.append("| %s | %,d | %,d | %,d | %,d | %,d | %.1f | %.3f | %.3f | %.3f | %.2f | %s | %s | %.2f | %s | %s | %.3f |\n"
                    .formatted(s.target(), s.callers(), s.completed(), s.refused(), s.failed(), s.peakConcurrent(),
                    s.callsPerSecond(), s.turnaround().p50Ms(), s.turnaround().p99Ms(), s.turnaround().p999Ms(),
                    s.serverCpuMsPerCall(), databaseCpu(s),
                    s.backOfficeCpuMsPerCall() == null ? "none" : "%.2f".formatted(s.backOfficeCpuMsPerCall()),
                    s.roundTripsPerCall(),
                    s.drainMillis() < 0 ? "not within 3 min" : "%.1f".formatted(s.drainMillis() / 1000.0),
                    s.heapPerCallBytes() < 0 ? "n/a" : "%.1f".formatted(s.heapPerCallBytes() / 1024.0),
                    s.threadsPerCall()));
        }
        commandProfile(md, r.ivr());
        throughput(md, "Tip intake (durable)", "Submitters", r.intake());
        throughput(md, "Dispatch (tip saved → agency HTTP receipt)", "Agencies", r.dispatch());
        if (!r.text().isEmpty()) {
            throughput(md, "Text messages (Kannel callback → stored turn, replies queued)", "Senders", r.text());
        }
        if (!r.danger().isEmpty()) {
            throughput(md, "Danger key (caller's 9 → police receipt / duty-officer Originate; raw POST at the same moment)",
                    "Calls in progress", r.danger());
        }
        md.append("\n### Pathway evaluation (one thread)\n\n")
                .append("| Rules | JMH evaluations/s (wall) | ± (99.9%) | Evaluations per CPU-second | ± (99.9%) |\n")
                .append("|---:|---:|---:|---:|---:|\n");
        for (PathwayRate p : r.pathway()) {
            md.append("| %,d | %,.0f | %s | %,.0f | %s |\n".formatted(p.rules(), p.evaluationsPerSecond(),
                    error(p.error(), p.evaluationsPerSecond()), p.evaluationsPerCpuSecond(),
                    error(p.cpuError(), p.evaluationsPerCpuSecond())));
        }
        return md.toString();
    }

    /** The database's CPU per call: the single box's threads inside the node say so; a baseline has none. */
    static String databaseCpu(IvrStep s) {
        if (s.databaseCpuMsPerCall() == null) {
            return "none";
        }
        return "%.2f".formatted(s.databaseCpuMsPerCall()) + (s.target().equals(Targets.HOTLINE) ? " (in node)" : "");
    }

    /** An error with its share of the score, e.g. {@code 120,000 (2.1 %)}; {@code n/a} when unknown. */
    private static String error(double error, double score) {
        return error < 0 || score <= 0 ? "n/a" : "%,.0f (%.1f %%)".formatted(error, 100 * error / score);
    }

    /** Per-command turnaround of the hotline's largest step beside the floor's at the same step. */
    private static void commandProfile(StringBuilder md, java.util.List<IvrStep> ivr) {
        java.util.Optional<IvrStep> hotline = ivr.stream().filter(s -> s.target().equals(Targets.HOTLINE))
                .max(java.util.Comparator.comparingInt(IvrStep::callers));
        if (hotline.isEmpty()) {
            return;
        }
        java.util.Map<String, Stats.Latency> floor = ivr.stream()
                .filter(s -> s.target().equals(Targets.FLOOR) && s.callers() == hotline.get().callers()).findFirst()
                .map(IvrStep::byCommand).orElse(new java.util.TreeMap<>());
        md.append("\n#### Where the hotline's time goes: turnaround by command at %,d calls\n\n"
                .formatted(hotline.get().callers()))
                .append("| Command | Count | p50 ms | p99 ms | max ms | Floor p99 ms |\n|---|---:|---:|---:|---:|---:|\n");
        hotline.get().byCommand().forEach((verb, l) -> md.append("| %s | %,d | %.3f | %.3f | %.3f | %s |\n".formatted(
                verb, l.count(), l.p50Ms(), l.p99Ms(), l.maxMs(),
                floor.containsKey(verb) ? "%.3f".formatted(floor.get(verb).p99Ms()) : "n/a")));
    }

    private static void throughput(StringBuilder md, String title, String concurrency, java.util.List<Throughput> rows) {
        // the heap's activity where it was recorded: a path's tail moves with collections and first touches
        boolean memory = rows.stream().anyMatch(t -> t.memory() != null);
        md.append("\n### ").append(title).append("\n\n| Path | ").append(concurrency)
                .append(" | Count | Per second | p50 ms | p99 ms | p99.9 ms | max ms |")
                .append(memory ? " GC cycles | Page faults |\n" : "\n")
                .append("|---|---:|---:|---:|---:|---:|---:|---:|").append(memory ? "---:|---:|\n" : "\n");
        for (Throughput t : rows) {
            md.append("| %s | %d | %,d | %,.1f | %.3f | %.3f | %.3f | %.3f |".formatted(t.path(), t.concurrency(),
                    t.count(), t.perSecond(), t.latency().p50Ms(), t.latency().p99Ms(), t.latency().p999Ms(),
                    t.latency().maxMs()));
            if (memory) {
                md.append(t.memory() == null ? " n/a | n/a |" : " %d | %s |".formatted(t.memory().gcCycles(),
                        t.memory().pageFaults() < 0 ? "n/a" : "%,d".formatted(t.memory().pageFaults())));
            }
            md.append('\n');
        }
    }
}

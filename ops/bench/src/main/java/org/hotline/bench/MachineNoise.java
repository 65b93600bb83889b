package org.hotline.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * How noisy the machine was while a run measured: the load average sampled every second (mean and peak) and the
 * share of CPU time the hypervisor stole, from {@code /proc}. A figure means little beside its baseline if the
 * machine was also busy with other work; this says whether it was. Where {@code /proc} is missing, nothing is said.
 */
final class MachineNoise implements AutoCloseable {

    private static final Path LOADAVG = Path.of("/proc/loadavg");
    private static final Path STAT = Path.of("/proc/stat");

    private final ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("machine-noise").daemon(true).factory());
    private final Optional<long[]> cpuAtStart = cpu(read(STAT));
    private double loadSum;
    private double loadMax;
    private int samples;

    MachineNoise start() {
        sampler.scheduleAtFixedRate(this::sample, 0, 1, TimeUnit.SECONDS);
        return this;
    }

    private synchronized void sample() {
        load(read(LOADAVG)).ifPresent(load -> {
            loadSum += load;
            loadMax = Math.max(loadMax, load);
            samples++;
        });
    }

    /** One sentence for the report, e.g. "load 1.20 mean, 2.50 peak on 2 CPUs; steal 0.0 % of CPU time". */
    synchronized String summary(int cpus) {
        String load = samples == 0 ? "load not known" : "load %.2f mean, %.2f peak on %d CPUs"
                .formatted(loadSum / samples, loadMax, cpus);
        Optional<long[]> end = cpu(read(STAT));
        String steal = cpuAtStart.isPresent() && end.isPresent()
                ? "steal %.1f %% of CPU time".formatted(stealPercent(cpuAtStart.get(), end.get())) : "steal not known";
        return load + "; " + steal;
    }

    /** The 1-minute load average of a {@code /proc/loadavg} line. */
    static Optional<Double> load(String loadavg) {
        try {
            return loadavg.isBlank() ? Optional.empty() : Optional.of(Double.parseDouble(loadavg.trim().split("\\s+")[0]));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** The counters of the {@code cpu} line of {@code /proc/stat} (user nice system idle iowait irq softirq steal …). */
    static Optional<long[]> cpu(String stat) {
        return stat.lines().filter(l -> l.startsWith("cpu ")).findFirst().map(l -> Arrays.stream(l.trim().split("\\s+"))
                .skip(1).mapToLong(Long::parseLong).toArray()).filter(c -> c.length >= 8);
    }

    /** Stolen time between two {@code cpu} lines, as a percentage of all the time that passed. */
    static double stealPercent(long[] start, long[] end) {
        long total = 0;
        for (int i = 0; i < Math.min(8, Math.min(start.length, end.length)); i++) {
            total += end[i] - start[i];
        }
        return total <= 0 ? 0 : 100.0 * (end[7] - start[7]) / total;
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException | RuntimeException e) {
            return "";
        }
    }

    @Override
    public void close() {
        sampler.shutdownNow();
    }
}

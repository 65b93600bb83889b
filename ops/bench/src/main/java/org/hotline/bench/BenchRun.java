package org.hotline.bench;

import com.sun.management.UnixOperatingSystemMXBean;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.OperatingSystemMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import org.hotline.bench.danger.DangerBench;
import org.hotline.bench.danger.DangerSettings;
import org.hotline.bench.dispatch.DispatchProcess;
import org.hotline.bench.intake.IntakeBench;
import org.hotline.bench.ivr.IvrLoadBench;
import org.hotline.bench.ivr.IvrSettings;
import org.hotline.bench.pathway.PathwayBench;
import org.hotline.bench.report.BenchReport;
import org.hotline.bench.report.BenchReport.IvrStep;
import org.hotline.bench.report.BenchReport.PathwayRate;
import org.hotline.bench.report.BenchReport.Throughput;
import org.hotline.bench.report.DangerTarget;
import org.hotline.bench.report.PathwayTrustTarget;
import org.hotline.bench.report.Targets;
import org.hotline.bench.text.TextBench;
import org.openjdk.jmh.runner.RunnerException;

/** Runs the chosen benchmark kinds of a plan, one after the other, and assembles the report. */
public final class BenchRun {

    /** The benchmark kinds, as named on the command line. */
    public static final Set<String> KINDS = Set.of("ivr", "intake", "dispatch", "pathway", "text", "danger");
    /** File descriptors the driver needs besides one per simulated call. */
    private static final long FD_RESERVE = 2_000;

    private BenchRun() {}

    public static BenchReport run(BenchPlan plan, Set<String> kinds, Path repo, Path work, Consumer<String> log)
            throws Exception {
        try (MachineNoise noise = new MachineNoise().start()) {
            return run(plan, kinds, repo, work, log, noise);
        }
    }

    private static BenchReport run(BenchPlan plan, Set<String> kinds, Path repo, Path work, Consumer<String> log,
            MachineNoise noise) throws Exception {
        List<IvrStep> ivr = List.of();
        List<Throughput> intake = List.of();
        List<Throughput> dispatch = List.of();
        List<PathwayRate> pathway = List.of();
        List<Throughput> text = List.of();
        if (kinds.contains("ivr")) {
            ivr = new IvrLoadBench(withinFileLimit(plan.ivr(), log), repo, Files.createDirectories(work.resolve("ivr")),
                    log).run();
        }
        if (kinds.contains("intake")) {
            log.accept("intake: " + plan.intakeTips() + " tips per path");
            intake = IntakeBench.run(Files.createDirectories(work.resolve("intake")), plan.intakeTips(),
                    plan.intakeConcurrency(), plan.intakeTipsPerSecond());
        }
        if (kinds.contains("dispatch")) {
            log.accept("dispatch: " + plan.dispatchTips() + " tips at " + plan.dispatchTipsPerSecond() + "/s to "
                    + plan.agencies() + " agencies");
            dispatch = DispatchProcess.run(Files.createDirectories(work.resolve("dispatch")), plan.agencies(),
                    plan.dispatchTipsPerSecond(), plan.dispatchTips(), plan.ivr().serverHeap());
        }
        if (kinds.contains("pathway")) {
            log.accept("pathway: JMH " + plan.pathway().rules() + " rules");
            pathway = PathwayBench.run(plan.pathway());
        }
        if (kinds.contains("text")) {
            log.accept("text: " + plan.intakeTips() + " messages per path from " + plan.intakeConcurrency() + " senders");
            text = TextBench.run(repo, Files.createDirectories(work.resolve("text")), plan.intakeTips(),
                    plan.intakeConcurrency());
        }
        List<Throughput> danger = List.of();
        if (kinds.contains("danger")) {
            DangerSettings settings = DangerSettings.forMode(plan.mode());
            log.accept("danger: %d danger calls with %d calls in progress".formatted(settings.dangerCalls(),
                    settings.backgroundCalls()));
            danger = new DangerBench(settings, repo, Files.createDirectories(work.resolve("danger")), log).run();
        }
        List<BenchReport.TargetCheck> targets = new java.util.ArrayList<>(Targets.check(plan.realPacing(), ivr, intake, dispatch, pathway));
        targets.add(DangerTarget.check(danger));
        targets.add(PathwayTrustTarget.check(pathway));
        return new BenchReport(environment(plan.mode(), noise, plan.ivr().warmUpCalls()), ivr, intake, dispatch,
                pathway, targets, text, danger);
    }

    /** Drops steps this process cannot hold (one socket per call), saying so, rather than failing midway. */
    static IvrSettings withinFileLimit(IvrSettings ivr, Consumer<String> log) {
        long limit = openFilesLimit();
        if (limit <= 0) {
            return ivr;
        }
        List<Integer> fitting = ivr.steps().stream().filter(n -> n + FD_RESERVE <= limit).toList();
        if (fitting.size() < ivr.steps().size()) {
            log.accept("WARNING: open files limit " + limit + " is too low for " + ivr.steps()
                    + " calls; running " + fitting + " (raise it with ulimit -n)");
        }
        if (fitting.isEmpty()) {
            throw new IllegalStateException("open files limit " + limit + " is too low for any IVR step");
        }
        return ivr.withSteps(fitting);
    }

    static BenchReport.Environment environment(String mode, MachineNoise noise, int ivrWarmUpCalls) {
        return new BenchReport.Environment(Instant.now().truncatedTo(ChronoUnit.SECONDS).toString(),
                Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.vm.vendor") + " " + Runtime.version(),
                System.getProperty("os.name") + " " + System.getProperty("os.arch"), mode,
                Runtime.getRuntime().maxMemory() / (1024 * 1024), openFilesLimit(), ephemeralPorts(),
                noise.summary(Runtime.getRuntime().availableProcessors()), ivrWarmUpCalls);
    }

    private static long openFilesLimit() {
        OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();
        return os instanceof UnixOperatingSystemMXBean unix ? unix.getMaxFileDescriptorCount() : -1;
    }

    private static String ephemeralPorts() {
        try {
            // procfs files report size 0; reading the stream to its end gets the whole line.
            try (var in = Files.newInputStream(Path.of("/proc/sys/net/ipv4/ip_local_port_range"))) {
                return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.US_ASCII).trim()
                        .replaceAll("\\s+", "-");
            }
        } catch (IOException | RuntimeException e) {
            return "unknown";
        }
    }
}

package org.hotline.bench.ivr;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLongArray;
import org.hotline.bench.Timing;
import java.util.function.Consumer;
import org.hotline.bench.report.BenchReport.IvrStep;
import org.hotline.ivr.sim.AsteriskSimulator;
import org.hotline.ivr.sim.CallResult;
import org.hotline.ivr.sim.CallSetup;
import org.hotline.ivr.sim.SimulatorOptions;

/**
 * IVR load: ramps concurrent simulated callers (full report calls through the shipped flow) against the real
 * hotline node (with its database inside it, in a JVM of its own, or both one after the other), the raw floor
 * and the stock Asterisk-Java server, each in its own JVM, one after the other.
 */
public final class IvrLoadBench {

    /** Time after the ramp before the held calls are measured, so the last ones are connected. */
    private static final Duration SETTLE = Duration.ofMillis(500);
    /** A step that has not finished this long after its ramp is cut off; unfinished calls count as failed. */
    static final Duration STEP_LIMIT = Duration.ofMinutes(5);
    /** Warm-up calls open at one time: below the stock server's 500, so every server answers all of them. */

    private final IvrSettings settings;
    private final Path repo;
    private final Path work;
    private final Consumer<String> log;

    public IvrLoadBench(IvrSettings settings, Path repo, Path work, Consumer<String> log) {
        this.settings = settings;
        this.repo = repo;
        this.work = work;
        this.log = log;
    }

    /**
     * Runs every step against every server; the hotline deployments first, since the first one's warm-up call
     * gives the baselines their command list (each deployment gets its own warm-up call).
     */
    public List<IvrStep> run() throws IOException {
        List<IvrStep> steps = new ArrayList<>();
        Path commands = work.resolve("agi-commands.txt");
        for (DatabaseMode mode : settings.databases()) {
            try (HotlineDeployment hotline = HotlineDeployment.start(mode, repo, work, settings.serverHeap(), log)) {
                CallResult warmUp = warmUpCall(hotline.node().port());
                if (!Files.exists(commands)) {
                    Files.write(commands, warmUp.commands());
                }
                warmUp(hotline.node(), hotline, mode.server());
                runSteps(hotline.node(), hotline, mode.server(), steps);
            }
        }
        for (ServerKind kind : List.of(ServerKind.RAW_FLOOR, ServerKind.STOCK)) {
            try (ServerHandle server = start(kind, commands)) {
                warmUp(server, null, kind);
                runSteps(server, null, kind, steps);
            }
        }
        return steps;
    }

    private ServerHandle start(ServerKind kind, Path commands) throws IOException {
        Path dir = Files.createDirectories(work.resolve(kind.label()));
        log.accept("ivr: starting " + kind.label() + " server JVM");
        return ServerHandle.start(kind, repo, dir, commands, settings.serverHeap(), work.resolve(kind.label() + ".log"));
    }

    /** One unpaced call: checks the node works and records the commands a full report call takes. */
    private CallResult warmUpCall(int port) {
        CallResult call = new AsteriskSimulator("127.0.0.1", port).call(CallSetup.of("hotline"), ReportCall.script());
        if (!completed(call)) {
            throw new IllegalStateException("the warm-up report call did not complete: ending " + call.ending()
                    + ", status " + call.status() + ", violations " + call.violations());
        }
        return call;
    }

    /**
     * Gets a server to the state the steps should find it in: compiled, as a node is that has run for a while.
     * First {@link IvrSettings#warmUpCalls} calls at a tenth of the think times, then
     * {@link IvrSettings#pacedWarmUpCalls} at the steps' own pacing. The second round is there because the first
     * keeps the cores busy: the compiler, being background work on the node, stays behind it, and left alone it
     * compiled the back office's code during the first measured step (5.3 s of the compiler's CPU in a 1,000-call
     * step, against 1.3 s after the second round; docs/BENCHMARKS.md, eighth session). Every server gets the same.
     */
    private void warmUp(ServerHandle server, HotlineDeployment deployment, ServerKind kind) throws IOException {
        new IvrWarmUp(settings, log).fastRound(server, kind);
        int paced = settings.pacedWarmUpCalls();
        if (paced > 0) {
            long t0 = System.nanoTime();
            IvrStep round = step(server, deployment, kind, paced, false);
            log.accept("ivr: %s then answered %d unmeasured calls at the steps' pacing (%d completed) in %.1f s"
                    .formatted(kind.label(), paced, round.completed(), (System.nanoTime() - t0) / 1e9));
        }
    }

    /**
     * The steps, each measuring turnaround and CPU, then the largest one again to count the heap per held call.
     * The count cannot share a step with the turnaround: a class histogram stops the server's world (the hotline's
     * for about a second), and the calls that waited through it come back together, since the harness's think
     * times are exact, so each of that cohort's later commands arrives in a burst with the others'
     * (docs/BENCHMARKS.md, eighth session).
     *
     * @param deployment the hotline's other processes (database, back office), whose CPU is counted apart; null for
     *     a baseline
     */
    private void runSteps(ServerHandle server, HotlineDeployment deployment, ServerKind kind, List<IvrStep> out)
            throws IOException {
        List<IvrStep> measured = new ArrayList<>();
        for (int n : settings.steps()) {
            IvrStep step = step(server, deployment, kind, n, false);
            log.accept("ivr: %s n=%d completed=%d refused=%d failed=%d peak=%d p99=%.3f ms"
                    .formatted(kind.label(), n, step.completed(), step.refused(), step.failed(), step.peakConcurrent(),
                            step.turnaround().p99Ms()));
            measured.add(step);
        }
        int largest = settings.steps().stream().mapToInt(Integer::intValue).max().orElseThrow();
        IvrStep held = step(server, deployment, kind, largest, true);
        log.accept("ivr: %s held %d calls again: heap/call=%d B".formatted(kind.label(), largest,
                held.heapPerCallBytes()));
        for (IvrStep step : measured) {
            out.add(step.callers() == largest ? step.withHeld(held) : step);
        }
    }

    /**
     * One step of {@code n} report calls at the settings' pacing; with {@code countHeap}, the server's heap is
     * counted once all of them are in progress, and the step's other figures are not used.
     */
    private IvrStep step(ServerHandle server, HotlineDeployment deployment, ServerKind kind, int n, boolean countHeap)
            throws IOException {
        ServerHandle database = deployment == null ? null : deployment.database();
        ServerHandle.Drained idle = server.drain();
        ServerHandle.Drained backIdle = deployment == null ? null : deployment.drainBackOffice();
        long databaseBefore = database == null ? 0 : database.cpuNanos();
        ServerHandle.JvmStats before = server.stats();
        AsteriskSimulator simulator = new AsteriskSimulator("127.0.0.1", server.port(),
                SimulatorOptions.defaults().withPacing(settings.pacing()).withIdleTimeout(Duration.ofSeconds(60)));
        long[] starts = new long[n];
        AtomicLongArray ends = new AtomicLongArray(n);
        List<CompletableFuture<CallResult>> calls = new ArrayList<>(n);
        long t0 = System.nanoTime();
        long ramp = settings.ramp().toNanos();
        for (int i = 0; i < n; i++) {
            Timing.parkUntil(t0 + ramp * i / n);
            int index = i;
            starts[i] = System.nanoTime();
            calls.add(simulator.callAsync(CallSetup.of("hotline"), ReportCall.script())
                    .whenComplete((r, e) -> ends.set(index, System.nanoTime())));
        }
        Timing.parkUntil(t0 + ramp + SETTLE.toNanos());
        long sample = System.nanoTime();
        ServerHandle.JvmStats held = countHeap ? server.stats() : null;
        awaitAll(calls, t0 + ramp + STEP_LIMIT.toNanos());
        // the step's cost includes the work its calls left behind them (storing, routing, dispatch)
        ServerHandle.Drained done = server.drain();
        ServerHandle.Drained backDone = deployment == null ? null : deployment.drainBackOffice();
        long cpu = done.cpuNanos() - idle.cpuNanos() - before.countingCpuNanos()
                - (held == null ? 0 : held.countingCpuNanos());
        long databaseCpu = database == null ? -1 : database.cpuNanos() - databaseBefore;
        if (done.embeddedDatabaseCpuNanos() >= 0 && idle.embeddedDatabaseCpuNanos() >= 0) {
            // the single box: its database's threads are reported apart from the node's, as a database process is
            databaseCpu = done.embeddedDatabaseCpuNanos() - idle.embeddedDatabaseCpuNanos();
            cpu -= databaseCpu;
        }
        // the count's pause is in this step's turnaround, which the held run does not report
        IvrStep step = StepSummary.summarise(kind, n, calls, starts, ends, sample, before, held,
                new long[] {cpu, databaseCpu, backDone == null ? -1 : backDone.cpuNanos() - backIdle.cpuNanos()});
        long trips = done.roundTrips() - idle.roundTrips()
                + (backDone == null ? 0 : backDone.roundTrips() - backIdle.roundTrips());
        // the split deployment's back office catches up after the calls-only node: both waits, -1 if either ran out
        long waited = done.waitedMillis();
        if (backDone != null) {
            waited = waited < 0 || backDone.waitedMillis() < 0 ? -1 : waited + backDone.waitedMillis();
        }
        return new IvrStep(step.target(), step.callers(), step.completed(), step.refused(), step.failed(),
                step.peakConcurrent(), step.callsPerSecond(), step.turnaround(), step.heapPerCallBytes(),
                step.threadsPerCall(), step.wallSeconds(), step.serverCpuMsPerCall(), step.byCommand(),
                step.databaseCpuMsPerCall(), step.completed() == 0 ? 0 : StepSummary.round(trips / (double) step.completed()),
                waited, step.backOfficeCpuMsPerCall());
    }

    /** A call that ran the whole flow: the script ended it and left its status for the dialplan. */
    static boolean completed(CallResult call) {
        return (call.ending() == CallResult.SessionEnd.SCRIPT_CLOSED
                || call.ending() == CallResult.SessionEnd.SCRIPT_HUNG_UP)
                && call.status() != null && call.violations().isEmpty();
    }

    static void awaitAll(List<CompletableFuture<CallResult>> calls, long deadline) {
        try {
            CompletableFuture.allOf(calls.toArray(CompletableFuture[]::new))
                    .get(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            // Failed or unfinished calls are counted one by one in StepSummary.summarise().
        }
    }
}

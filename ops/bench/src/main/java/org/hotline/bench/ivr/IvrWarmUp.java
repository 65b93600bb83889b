package org.hotline.bench.ivr;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.function.Consumer;
import org.hotline.ivr.sim.AsteriskSimulator;
import org.hotline.ivr.sim.CallResult;
import org.hotline.ivr.sim.CallSetup;
import org.hotline.ivr.sim.Pacing;
import org.hotline.ivr.sim.SimulatorOptions;

/**
 * The first, fast round of a server's warm-up: {@link IvrSettings#warmUpCalls} unmeasured report calls at a tenth
 * of the think times, at most {@value #AT_ONCE} at a time, then a wait for what they left behind (storing,
 * routing, dispatch). Every server gets the same, so the steps compare compiled code, not one JVM's first minute
 * of compiling its own (on two cores the hotline's compiler threads took a third of the CPU while a cold node's
 * first step ran).
 */
final class IvrWarmUp {

    static final int AT_ONCE = 400;

    private final IvrSettings settings;
    private final Consumer<String> log;

    IvrWarmUp(IvrSettings settings, Consumer<String> log) {
        this.settings = settings;
        this.log = log;
    }

    void fastRound(ServerHandle server, ServerKind kind) throws IOException {
        int n = settings.warmUpCalls();
        if (n == 0) {
            return;
        }
        long t0 = System.nanoTime();
        // paced, a tenth of the steps' think times: the node then parks and wakes its calls' threads as in the
        // steps (unpaced, the next reply is always there already), and that code is compiled too
        Pacing p = settings.pacing();
        Pacing tenth = Pacing.realistic(p.perPrompt().dividedBy(10), p.perKeypress().dividedBy(10),
                p.maxSilence().dividedBy(10));
        AsteriskSimulator simulator = new AsteriskSimulator("127.0.0.1", server.port(),
                SimulatorOptions.defaults().withPacing(tenth).withIdleTimeout(Duration.ofSeconds(60)));
        Semaphore open = new Semaphore(AT_ONCE);
        List<CompletableFuture<CallResult>> calls = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            open.acquireUninterruptibly();
            calls.add(simulator.callAsync(CallSetup.of("hotline"), ReportCall.script())
                    .whenComplete((r, e) -> open.release()));
        }
        IvrLoadBench.awaitAll(calls, System.nanoTime() + IvrLoadBench.STEP_LIMIT.toNanos());
        long completed = calls.stream()
                .filter(c -> c.isDone() && !c.isCompletedExceptionally() && IvrLoadBench.completed(c.join())).count();
        server.drain();
        log.accept("ivr: %s warmed up with %d unmeasured calls (%d completed) in %.1f s"
                .formatted(kind.label(), n, completed, (System.nanoTime() - t0) / 1e9));
    }
}

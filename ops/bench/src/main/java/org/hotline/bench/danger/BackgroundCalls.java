package org.hotline.bench.danger;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import org.hotline.bench.Timing;
import org.hotline.bench.ivr.ReportCall;
import org.hotline.ivr.sim.AsteriskSimulator;
import org.hotline.ivr.sim.CallResult;
import org.hotline.ivr.sim.CallSetup;
import org.hotline.ivr.sim.Pacing;
import org.hotline.ivr.sim.SimulatorOptions;

/**
 * Keeps a number of full report calls in progress against a node, as the IVR load's callers make them (the
 * Asterisk simulator over FastAGI, the same caller script): started evenly over a ramp, and each one that ends
 * replaced by a new one until {@link #stop()}, so the count holds however long the measured calls take.
 */
final class BackgroundCalls {

    private final AsteriskSimulator simulator;
    private final AtomicInteger inProgress = new AtomicInteger();
    private final AtomicInteger started = new AtomicInteger();
    private final AtomicInteger unfinished = new AtomicInteger();
    private final List<CompletableFuture<CallResult>> calls = new CopyOnWriteArrayList<>();
    private volatile boolean running = true;

    BackgroundCalls(int port, Pacing pacing) {
        this.simulator = new AsteriskSimulator("127.0.0.1", port,
                SimulatorOptions.defaults().withPacing(pacing).withIdleTimeout(Duration.ofSeconds(60)));
    }

    /** Starts {@code count} calls evenly over {@code ramp}, then returns; replacements start on their own. */
    void ramp(int count, Duration ramp) {
        long t0 = System.nanoTime();
        for (int i = 0; i < count && running; i++) {
            Timing.parkUntil(t0 + ramp.toNanos() * i / count);
            place();
        }
    }

    /** Background calls connected or connecting right now. */
    int inProgress() {
        return inProgress.get();
    }

    int started() {
        return started.get();
    }

    /** Calls that ended without leaving the dialplan a status while the load was on (refused, reset, timed out). */
    int unfinished() {
        return unfinished.get();
    }

    /** No more replacements; the calls in progress end with the node (or by themselves). */
    void stop() {
        running = false;
    }

    /** Waits, bounded, for every background call to have ended one way or another. */
    void awaitEnded(Duration limit) {
        try {
            CompletableFuture.allOf(calls.toArray(CompletableFuture[]::new))
                    .get(limit.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            // cut off with the node, or still running at the bound: neither is measured
        }
    }

    private void place() {
        inProgress.incrementAndGet();
        started.incrementAndGet();
        calls.add(simulator.callAsync(CallSetup.of("hotline"), ReportCall.script()).whenComplete((result, error) -> {
            inProgress.decrementAndGet();
            if (!running) {
                return;
            }
            if (error != null || result.status() == null || !result.violations().isEmpty()) {
                unfinished.incrementAndGet();
                // a node refusing calls must not be hammered by replacements in a tight loop
                LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(100));
            }
            place();
        }));
    }
}

package org.hotline.bench.ivr;

import java.time.Duration;
import java.util.List;
import org.hotline.ivr.sim.Pacing;

/**
 * How the IVR load ramps.
 *
 * @param steps concurrent call counts, run in order against every server
 * @param pacing the simulated callers' think and listen times
 * @param ramp time over which each step's calls are started (evenly spread)
 * @param serverHeap -Xmx of each server JVM (and of the separate database's)
 * @param databases the hotline deployments measured: database in the node, in a process of its own, or both
 * @param warmUpCalls unmeasured report calls (a tenth of the think times) each server answers before its first
 *     step, so that the steps measure code the JIT has compiled, as a node that has run for a while is (0 for none);
 *     then {@link #pacedWarmUpCalls} more at the steps' own pacing
 */
public record IvrSettings(List<Integer> steps, Pacing pacing, Duration ramp, String serverHeap,
        List<DatabaseMode> databases, int warmUpCalls) {

    public IvrSettings {
        steps = List.copyOf(steps);
        databases = List.copyOf(databases);
        if (steps.isEmpty() || steps.stream().anyMatch(n -> n < 1)) {
            throw new IllegalArgumentException("steps must be positive call counts, got " + steps);
        }
        if (pacing == null || ramp == null || ramp.isNegative() || serverHeap == null || serverHeap.isBlank()) {
            throw new IllegalArgumentException("pacing, a non-negative ramp and serverHeap are required");
        }
        if (warmUpCalls < 0) {
            throw new IllegalArgumentException("warmUpCalls must not be negative, got " + warmUpCalls);
        }
        if (databases.isEmpty()) {
            throw new IllegalArgumentException("at least one database deployment is required");
        }
    }

    /**
     * Unmeasured calls each server answers at the steps' own pacing after the fast warm-up round: a sixth as many
     * (500 for the full plan's 3,000), enough for the compiler to catch up on the code the fast round left to it.
     */
    public int pacedWarmUpCalls() {
        return warmUpCalls / 6;
    }

    /** The same settings with other steps. */
    public IvrSettings withSteps(List<Integer> other) {
        return new IvrSettings(other, pacing, ramp, serverHeap, databases, warmUpCalls);
    }

    /** The same settings with other hotline deployments. */
    public IvrSettings withDatabases(List<DatabaseMode> other) {
        return new IvrSettings(steps, pacing, ramp, serverHeap, other, warmUpCalls);
    }
}

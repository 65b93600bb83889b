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
 * @param serverHeap -Xmx of each server JVM
 */
public record IvrSettings(List<Integer> steps, Pacing pacing, Duration ramp, String serverHeap) {

    public IvrSettings {
        steps = List.copyOf(steps);
        if (steps.isEmpty() || steps.stream().anyMatch(n -> n < 1)) {
            throw new IllegalArgumentException("steps must be positive call counts, got " + steps);
        }
        if (pacing == null || ramp == null || ramp.isNegative() || serverHeap == null || serverHeap.isBlank()) {
            throw new IllegalArgumentException("pacing, a non-negative ramp and serverHeap are required");
        }
    }
}

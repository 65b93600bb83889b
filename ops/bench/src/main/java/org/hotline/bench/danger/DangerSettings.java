package org.hotline.bench.danger;

import java.time.Duration;
import org.hotline.ivr.sim.Pacing;

/**
 * How the danger-key benchmark loads the node.
 *
 * @param backgroundCalls report calls kept in progress the whole time (a finished one is replaced at once)
 * @param ramp time over which the background calls are first started
 * @param pacing the background callers' think and listen times
 * @param dangerCalls measured calls that press {@code 9} at the danger question, one after the other
 * @param spacing time from one danger call's start to the next one's
 * @param serverHeap -Xmx of the node's JVM
 */
public record DangerSettings(int backgroundCalls, Duration ramp, Pacing pacing, int dangerCalls, Duration spacing,
        String serverHeap) {

    /** A real caller's pacing: a prompt plays 3 s, keys take 1.5 s, silences wait up to 5 s (a report, ~50 s). */
    private static final Pacing REAL = Pacing.realistic(Duration.ofSeconds(3), Duration.ofMillis(1_500),
            Duration.ofSeconds(5));
    /** The short IVR plan's pacing, about ten times faster than a real caller. */
    private static final Pacing COMPRESSED = Pacing.realistic(Duration.ofMillis(250), Duration.ofMillis(150),
            Duration.ofMillis(600));

    public DangerSettings {
        if (backgroundCalls < 0 || dangerCalls < 1 || ramp == null || ramp.isNegative() || spacing == null
                || spacing.isNegative() || pacing == null || serverHeap == null || serverHeap.isBlank()) {
            throw new IllegalArgumentException("danger settings need >= 0 background calls, >= 1 danger call, "
                    + "a pacing, non-negative ramp and spacing, and a heap");
        }
    }

    /**
     * The settings of a bench mode. Each ramp is about one background call long, so that by the first danger call
     * the first callers are handing their tips over and being replaced: the node stores, routes and dispatches
     * tips the whole time the danger calls are measured, as it would in the middle of a busy day.
     * <ul>
     *   <li>{@code full}: 1,000 calls with a real caller's pacing, started over 60 s (about 20 tips a second);</li>
     *   <li>{@code short}: 200 calls paced ten times faster, started over 10 s (about 30 tips a second, more than
     *       the full run's rate, so the short run is not the easier one);</li>
     *   <li>{@code smoke}: 5 calls, 3 danger calls, to check that the kind runs.</li>
     * </ul>
     */
    public static DangerSettings forMode(String mode) {
        return switch (mode) {
            case "full" -> new DangerSettings(1_000, Duration.ofSeconds(60), REAL, 50, Duration.ofSeconds(1), "4g");
            case "smoke" -> new DangerSettings(5, Duration.ofMillis(100),
                    Pacing.realistic(Duration.ofMillis(20), Duration.ofMillis(10), Duration.ofMillis(50)), 3,
                    Duration.ofMillis(200), "512m");
            default -> new DangerSettings(200, Duration.ofSeconds(10), COMPRESSED, 20, Duration.ofSeconds(1), "2g");
        };
    }
}

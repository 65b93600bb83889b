package org.hotline.core.ami.internal;

import java.time.Duration;
import java.util.function.DoubleSupplier;

/**
 * Reconnect waits: {@code min * 2^attempt}, capped at {@code max}, then jittered to a uniform value between half
 * and all of it so that many nodes losing the same Asterisk do not come back in lock-step.
 */
final class Backoff {

    private final long minMillis;
    private final long maxMillis;
    private final DoubleSupplier random;

    Backoff(Duration min, Duration max, DoubleSupplier random) {
        this.minMillis = min.toMillis();
        this.maxMillis = max.toMillis();
        this.random = random;
    }

    /** The wait before reconnect attempt number {@code attempt} (0 for the first). */
    Duration delay(int attempt) {
        long ceiling = minMillis << Math.min(Math.max(attempt, 0), 30);
        long capped = ceiling <= 0 || ceiling > maxMillis ? maxMillis : ceiling;
        long jittered = capped / 2 + (long) (random.getAsDouble() * (capped - capped / 2));
        return Duration.ofMillis(Math.max(1, jittered));
    }
}

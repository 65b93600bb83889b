package org.hotline.core.referral.internal;

import java.time.Duration;
import java.util.random.RandomGenerator;

/**
 * When to try a failed referral again. The first {@code fastRetries} failures wait {@code base}, {@code 2·base},
 * {@code 4·base}, ... (capped at {@code max}); after that every retry waits about {@code max}, so an agency that
 * is down for a day is tried every few minutes without hammering it. Every delay carries "equal jitter": a
 * random value between half the step and the full step, so referrals that failed together (one agency outage)
 * do not all come back in the same second, and none comes back sooner than half its step.
 */
public final class BackoffPolicy {

    private static final int MAX_SHIFT = 40;

    private final int fastRetries;
    private final Duration base;
    private final Duration max;
    private final RandomGenerator random;

    public BackoffPolicy(int fastRetries, Duration base, Duration max, RandomGenerator random) {
        if (fastRetries < 0 || base.isNegative() || base.isZero() || max.compareTo(base) < 0) {
            throw new IllegalArgumentException("need fastRetries >= 0 and 0 < base <= max");
        }
        this.fastRetries = fastRetries;
        this.base = base;
        this.max = max;
        this.random = random;
    }

    /** The undelayed step after {@code failedAttempts} failures (1 = the first failure). */
    public Duration step(int failedAttempts) {
        if (failedAttempts < 1) {
            throw new IllegalArgumentException("failedAttempts must be >= 1, got " + failedAttempts);
        }
        if (failedAttempts > fastRetries) {
            return max;
        }
        int shift = Math.min(failedAttempts - 1, MAX_SHIFT);
        long millis = base.toMillis();
        if (millis > (max.toMillis() >> shift)) {
            return max;
        }
        return Duration.ofMillis(millis << shift);
    }

    /** The jittered delay after {@code failedAttempts} failures: within {@code [step/2, step]}. */
    public Duration delayAfter(int failedAttempts) {
        long stepMillis = step(failedAttempts).toMillis();
        long half = stepMillis / 2;
        long spread = stepMillis - half;
        return Duration.ofMillis(half + (spread == 0 ? 0 : random.nextLong(spread + 1)));
    }
}

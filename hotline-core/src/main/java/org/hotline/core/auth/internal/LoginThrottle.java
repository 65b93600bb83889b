package org.hotline.core.auth.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Sign-in attempts per client address in a sliding window, on this node. Account lock-out already stops
 * guessing one account's password; this stops one address from trying many accounts.
 */
public final class LoginThrottle {

    private final int maxAttempts;
    private final Duration window;
    private final Clock clock;
    private final Map<String, Deque<Instant>> attempts = new ConcurrentHashMap<>();

    public LoginThrottle(int maxAttempts, Duration window, Clock clock) {
        this.maxAttempts = maxAttempts;
        this.window = window;
        this.clock = clock;
    }

    /** Records an attempt; returns false when the address is over its limit (the attempt is not made). */
    public boolean tryAcquire(String address) {
        Instant now = clock.instant();
        Deque<Instant> recent = attempts.computeIfAbsent(address, a -> new ArrayDeque<>());
        synchronized (recent) {
            while (!recent.isEmpty() && recent.peekFirst().isBefore(now.minus(window))) {
                recent.pollFirst();
            }
            if (recent.size() >= maxAttempts) {
                return false;
            }
            recent.addLast(now);
            return true;
        }
    }
}

package org.hotline.core.text;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Messages per sender per minute, on this node (a flood from one number cannot make the hotline send a flood
 * back). In memory: a restart forgets it, which only lets a sender start afresh.
 */
final class SenderRate {

    private static final Duration WINDOW = Duration.ofMinutes(1);

    private final int perMinute;
    private final Clock clock;
    private final Map<String, Deque<Instant>> recent = new ConcurrentHashMap<>();
    private final Map<String, Integer> over = new ConcurrentHashMap<>();

    SenderRate(int perMinute, Clock clock) {
        this.perMinute = perMinute;
        this.clock = clock;
    }

    /** Counts a message of {@code key}; false when it is beyond the rate. */
    synchronized boolean allow(String key) {
        Instant now = clock.instant();
        Deque<Instant> times = recent.computeIfAbsent(key, k -> new ArrayDeque<>());
        while (!times.isEmpty() && times.peekFirst().isBefore(now.minus(WINDOW))) {
            times.pollFirst();
        }
        if (times.isEmpty()) {
            over.remove(key);
        }
        if (times.size() >= perMinute) {
            over.merge(key, 1, Integer::sum);
            return false;
        }
        times.addLast(now);
        return true;
    }

    /** Whether the last refused message was the first beyond the rate in this window (it alone is answered). */
    synchronized boolean firstOver(String key) {
        return over.getOrDefault(key, 0) == 1;
    }
}

package org.hotline.core.referral.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * One circuit breaker per agency on this node. After {@code threshold} failed attempts in a row to one
 * agency, its circuit opens for {@code openFor}: the worker claims none of that agency's referrals, so an
 * agency that is down costs one timeout, not one per queued referral, and other agencies' referrals are not
 * held up behind it. When the time is up one attempt goes through (half-open); a success closes the
 * circuit, a failure opens it again at once.
 *
 * <p>The state is in memory on purpose: losing it in a crash only means a few extra attempts, while the
 * retry schedule that must survive a crash is on each referral in MongoDB.
 */
public final class AgencyCircuits {

    private record State(int failures, Instant openUntil) {}

    private final int threshold;
    private final Duration openFor;
    private final Map<String, State> states = new ConcurrentHashMap<>();

    public AgencyCircuits(int threshold, Duration openFor) {
        this.threshold = threshold;
        this.openFor = openFor;
    }

    public void success(String agencyId) {
        states.remove(agencyId);
    }

    /** Counts a failed attempt; true when the circuit is open after it. */
    public boolean failure(String agencyId, Instant now) {
        State next = states.compute(agencyId, (id, old) -> {
            int failures = old == null ? 1 : old.failures() + 1;
            return new State(failures, failures >= threshold ? now.plus(openFor) : null);
        });
        return next.openUntil() != null;
    }

    /** Agencies whose circuit is open at {@code now}. */
    public Set<String> open(Instant now) {
        return states.entrySet().stream()
                .filter(e -> e.getValue().openUntil() != null && now.isBefore(e.getValue().openUntil()))
                .map(Map.Entry::getKey)
                .collect(Collectors.toUnmodifiableSet());
    }
}

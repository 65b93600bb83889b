package org.hotline.core.retention;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How long personal data of a tip is kept, by tip status ({@code RECEIVED}, {@code REVIEW},
 * {@code REFERRED}, {@code CLOSED}); a status without an entry is kept until its status changes. The age of
 * a tip is counted from {@code closedAt} when it has one, else from {@code receivedAt}. {@code interval} is
 * how often the purge job runs.
 */
public record RetentionPolicy(Map<String, Duration> byStatus, Duration interval) {

    public static final List<String> STATUSES = List.of("RECEIVED", "REVIEW", "REFERRED", "CLOSED");
    public static final Duration DEFAULT_CLOSED = Duration.ofDays(365);
    public static final Duration DEFAULT_INTERVAL = Duration.ofHours(1);

    public RetentionPolicy {
        for (var e : byStatus.entrySet()) {
            if (!STATUSES.contains(e.getKey())) {
                throw new IllegalArgumentException("unknown tip status " + e.getKey() + " in the retention policy");
            }
            if (e.getValue().isNegative() || e.getValue().isZero()) {
                throw new IllegalArgumentException("retention for " + e.getKey() + " must be positive");
            }
        }
        if (interval.isNegative() || interval.isZero()) {
            throw new IllegalArgumentException("the retention interval must be positive");
        }
        byStatus = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(byStatus));
    }
}

package org.hotline.core.ops;

import java.time.Duration;

/**
 * Operations settings of a node.
 *
 * @param drainTimeout how long a stopping node lets calls in progress finish before cutting them off
 *     ({@code HOTLINE_DRAIN_TIMEOUT}); keep the service manager's stop timeout above it
 * @param sampleInterval how often the sampled gauges (part states, referral counts) refresh
 *     ({@code HOTLINE_METRICS_SAMPLE_INTERVAL})
 */
public record OpsConfig(Duration drainTimeout, Duration sampleInterval) {

    public static final Duration DEFAULT_DRAIN_TIMEOUT = Duration.ofSeconds(60);
    public static final Duration DEFAULT_SAMPLE_INTERVAL = Duration.ofSeconds(15);

    public OpsConfig {
        if (drainTimeout == null || drainTimeout.isNegative()) {
            throw new IllegalArgumentException("HOTLINE_DRAIN_TIMEOUT must be 0 or more, got " + drainTimeout);
        }
        if (sampleInterval == null || sampleInterval.compareTo(Duration.ofMillis(100)) < 0) {
            throw new IllegalArgumentException("HOTLINE_METRICS_SAMPLE_INTERVAL must be at least 100ms, got "
                    + sampleInterval);
        }
    }
}

package org.hotline.core.ops;

import java.time.Duration;

/**
 * Operations settings of a node.
 *
 * @param drainTimeout how long a stopping node lets calls in progress finish before cutting them off
 *     ({@code HOTLINE_DRAIN_TIMEOUT}); keep the service manager's stop timeout above it
 * @param sampleInterval how often the sampled gauges (part states, referral counts) refresh
 *     ({@code HOTLINE_METRICS_SAMPLE_INTERVAL})
 * @param backgroundNice the nice value of the node's background threads, 0 to 19, 0 for the calls' own
 *     ({@code HOTLINE_BACKGROUND_NICE}, see {@link BackgroundPriority})
 */
public record OpsConfig(Duration drainTimeout, Duration sampleInterval, int backgroundNice) {

    public static final int DEFAULT_BACKGROUND_NICE = 10;

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
        if (backgroundNice < 0 || backgroundNice > 19) {
            throw new IllegalArgumentException("HOTLINE_BACKGROUND_NICE must be 0 to 19, got " + backgroundNice);
        }
    }

    /** The settings with the given drain timeout and sample interval, background threads at the default nice. */
    public OpsConfig(Duration drainTimeout, Duration sampleInterval) {
        this(drainTimeout, sampleInterval, DEFAULT_BACKGROUND_NICE);
    }
}

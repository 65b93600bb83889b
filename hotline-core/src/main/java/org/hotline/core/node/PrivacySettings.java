package org.hotline.core.node;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.hotline.core.retention.RetentionPolicy;

/**
 * Privacy configuration from the environment: retention per tip status
 * ({@code HOTLINE_RETENTION_<STATUS>_DAYS}, CLOSED defaults to 365, the others keep data until the status
 * changes), how often the purge runs ({@code HOTLINE_RETENTION_INTERVAL}) and how often a node looks for
 * values still under an old data key ({@code HOTLINE_KEY_ROTATION_INTERVAL}).
 */
record PrivacySettings(RetentionPolicy retention, Duration rotationInterval) {

    static final Duration DEFAULT_ROTATION_INTERVAL = Duration.ofMinutes(5);

    static PrivacySettings fromEnv(Map<String, String> env) {
        EnvReader r = new EnvReader(env);
        Map<String, Duration> byStatus = new LinkedHashMap<>();
        for (String status : RetentionPolicy.STATUSES) {
            String key = "HOTLINE_RETENTION_" + status.toUpperCase(Locale.ROOT) + "_DAYS";
            Duration fallback = "CLOSED".equals(status) ? RetentionPolicy.DEFAULT_CLOSED : null;
            if (r.optional(key).isPresent()) {
                byStatus.put(status, Duration.ofDays(r.positiveInt(key, 1)));
            } else if (fallback != null) {
                byStatus.put(status, fallback);
            }
        }
        return new PrivacySettings(new RetentionPolicy(byStatus,
                r.duration("HOTLINE_RETENTION_INTERVAL", RetentionPolicy.DEFAULT_INTERVAL)),
                r.duration("HOTLINE_KEY_ROTATION_INTERVAL", DEFAULT_ROTATION_INTERVAL));
    }
}

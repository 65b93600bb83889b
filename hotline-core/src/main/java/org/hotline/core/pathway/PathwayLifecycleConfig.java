package org.hotline.core.pathway;

import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.hotline.pathway.LoadOptions;

/**
 * Settings of the pathway lifecycle, from the environment; a bad value stops start-up naming the variable.
 *
 * @param pollInterval how often each node checks the schedule for the version that should be active
 *     ({@code HOTLINE_PATHWAY_POLL}, e.g. {@code 2s}, {@code 500ms})
 * @param maxYamlBytes the largest pathway text accepted ({@code HOTLINE_PATHWAY_MAX_BYTES})
 */
public record PathwayLifecycleConfig(Duration pollInterval, int maxYamlBytes) {

    public static final Duration DEFAULT_POLL_INTERVAL = Duration.ofSeconds(2);
    public static final int DEFAULT_MAX_YAML_BYTES = 256 * 1024;
    private static final Pattern DURATION = Pattern.compile("(\\d{1,6})(ms|s|m)");

    public PathwayLifecycleConfig {
        if (pollInterval.compareTo(Duration.ofMillis(10)) < 0 || pollInterval.compareTo(Duration.ofMinutes(10)) > 0) {
            throw new IllegalArgumentException("Configuration HOTLINE_PATHWAY_POLL: " + pollInterval
                    + " is outside 10ms..10m");
        }
        if (maxYamlBytes < 1024) {
            throw new IllegalArgumentException("Configuration HOTLINE_PATHWAY_MAX_BYTES: " + maxYamlBytes
                    + " is below 1024");
        }
    }

    /**
     * How this node loads pathways: a webhook to this machine (loopback, link-local, {@code localhost}) is an
     * error unless {@code HOTLINE_ALLOW_LOCAL_WEBHOOKS} is true, which it is by default only in demo mode
     * ({@code HOTLINE_DEMO}), whose agency receiver is on loopback. Tests with agencies on loopback set it.
     */
    public static LoadOptions loadOptions(Map<String, String> env) {
        boolean demo = bool(env, "HOTLINE_DEMO", false);
        return bool(env, "HOTLINE_ALLOW_LOCAL_WEBHOOKS", demo) ? LoadOptions.ANY_WEBHOOK_HOST : LoadOptions.NO_LOCAL_WEBHOOKS;
    }

    public static PathwayLifecycleConfig fromEnv(Map<String, String> env) {
        return new PathwayLifecycleConfig(duration(env.get("HOTLINE_PATHWAY_POLL")), bytes(env.get("HOTLINE_PATHWAY_MAX_BYTES")));
    }

    private static Duration duration(String text) {
        if (text == null || text.isBlank()) {
            return DEFAULT_POLL_INTERVAL;
        }
        Matcher m = DURATION.matcher(text.trim());
        if (!m.matches()) {
            throw new IllegalArgumentException("Configuration HOTLINE_PATHWAY_POLL: '" + text
                    + "' is not a duration such as 2s, 500ms or 1m");
        }
        long amount = Long.parseLong(m.group(1));
        return switch (m.group(2)) {
            case "ms" -> Duration.ofMillis(amount);
            case "s" -> Duration.ofSeconds(amount);
            default -> Duration.ofMinutes(amount);
        };
    }

    private static boolean bool(Map<String, String> env, String key, boolean defaultValue) {
        String text = env.get(key);
        if (text == null || text.isBlank()) {
            return defaultValue;
        }
        return switch (text.trim().toLowerCase(Locale.ROOT)) {
            case "true", "yes", "1", "on" -> true;
            case "false", "no", "0", "off" -> false;
            default -> throw new IllegalArgumentException("Configuration " + key + "='" + text + "' is invalid: expected true or false");
        };
    }

    private static int bytes(String text) {
        if (text == null || text.isBlank()) {
            return DEFAULT_MAX_YAML_BYTES;
        }
        try {
            return Integer.parseInt(text.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("Configuration HOTLINE_PATHWAY_MAX_BYTES: '" + text + "' is not a whole number");
        }
    }
}

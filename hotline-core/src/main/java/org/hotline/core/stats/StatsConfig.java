package org.hotline.core.stats;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.Map;

/**
 * Settings of statistics and the researchers' export, read from the environment at start-up; a bad value fails
 * start-up naming the variable.
 *
 * @param minCell smallest count the statistics show; smaller non-zero counts are shown as "&lt; k"
 * @param exportK every combination of quasi-identifiers in an export appears at least this often
 * @param zone time zone in which days, hours and months are counted
 * @param survey whether callers and texters are offered the post-contact survey ({@code HOTLINE_SURVEY}, off
 *     unless a ministry decides otherwise)
 */
public record StatsConfig(int minCell, int exportK, ZoneId zone, boolean survey) {

    public static final int DEFAULT_MIN_CELL = 5;
    /** The Counter Trafficking Data Collaborative publishes with k = 11. */
    public static final int DEFAULT_EXPORT_K = 11;
    public static final String DEFAULT_ZONE = "UTC";

    public StatsConfig {
        if (minCell < 1) {
            throw new IllegalArgumentException("minCell must be at least 1, was " + minCell);
        }
        if (exportK < 2) {
            throw new IllegalArgumentException("exportK must be at least 2, was " + exportK);
        }
    }

    /** Settings with the survey off. */
    public StatsConfig(int minCell, int exportK, ZoneId zone) {
        this(minCell, exportK, zone, false);
    }

    public static StatsConfig defaults() {
        return new StatsConfig(DEFAULT_MIN_CELL, DEFAULT_EXPORT_K, ZoneId.of(DEFAULT_ZONE));
    }

    /**
     * Reads {@code HOTLINE_STATS_MIN_CELL}, {@code HOTLINE_EXPORT_K}, {@code HOTLINE_STATS_ZONE} and
     * {@code HOTLINE_SURVEY} ({@code on}/{@code off}, default off).
     */
    public static StatsConfig fromEnv(Map<String, String> env) {
        return new StatsConfig(
                intAtLeast(env, "HOTLINE_STATS_MIN_CELL", DEFAULT_MIN_CELL, 1),
                intAtLeast(env, "HOTLINE_EXPORT_K", DEFAULT_EXPORT_K, 2),
                zone(env, "HOTLINE_STATS_ZONE"),
                onOff(env, "HOTLINE_SURVEY"));
    }

    private static boolean onOff(Map<String, String> env, String key) {
        String value = env.get(key);
        if (value == null || value.isBlank()) {
            return false;
        }
        return switch (value.trim().toLowerCase(java.util.Locale.ROOT)) {
            case "on", "true", "yes" -> true;
            case "off", "false", "no" -> false;
            default -> throw new IllegalArgumentException("Configuration " + key + "='" + value
                    + "' is invalid: expected on or off");
        };
    }

    private static int intAtLeast(Map<String, String> env, String key, int defaultValue, int min) {
        String value = env.get(key);
        if (value == null || value.isBlank()) {
            return defaultValue;
        }
        try {
            int parsed = Integer.parseInt(value.trim());
            if (parsed >= min) {
                return parsed;
            }
        } catch (NumberFormatException e) {
            // reported below with the expected form
        }
        throw new IllegalArgumentException("Configuration " + key + "='" + value + "' is invalid: expected a whole number of at least " + min);
    }

    private static ZoneId zone(Map<String, String> env, String key) {
        String value = env.get(key);
        if (value == null || value.isBlank()) {
            return ZoneId.of(DEFAULT_ZONE);
        }
        try {
            return ZoneId.of(value.trim());
        } catch (DateTimeException e) {
            throw new IllegalArgumentException("Configuration " + key + "='" + value + "' is invalid: expected a time zone such as UTC or Africa/Monrovia");
        }
    }
}

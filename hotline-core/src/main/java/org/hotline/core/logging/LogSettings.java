package org.hotline.core.logging;

import java.util.Locale;
import java.util.Map;
import org.slf4j.event.Level;

/**
 * How the node logs: the least level shown ({@code HOTLINE_LOG_LEVEL}, default INFO), the line format
 * ({@code HOTLINE_LOG_FORMAT}: {@code text}, the default, or {@code json}, one object a line for log shippers),
 * and the libraries held at a higher level because their routine lines say nothing an operator acts on. At
 * DEBUG and TRACE those libraries log at the chosen level too.
 *
 * @param level the least level logged; null logs nothing
 */
public record LogSettings(Level level, LogFormat format) {

    public static final String LEVEL_VARIABLE = "HOTLINE_LOG_LEVEL";
    public static final String FORMAT_VARIABLE = "HOTLINE_LOG_FORMAT";
    /** Overrides {@value #LEVEL_VARIABLE} inside one JVM (the benchmark driver and the servers it starts). */
    public static final String LEVEL_PROPERTY = "hotline.log.level";
    public static final LogSettings DEFAULTS = new LogSettings(Level.INFO, LogFormat.TEXT);

    /**
     * Loggers (by name prefix) and the least level they log at when the node logs at INFO or above: the embedded
     * MongoDB server's connection chatter and "not yet implemented" index warnings (its errors still show), the
     * driver's connection and settings lines, and Camel's route start and stop.
     */
    static final Map<String, Level> QUIETER = Map.of(
            "de.bwaldvogel.mongo", Level.ERROR,
            "org.mongodb.driver", Level.WARN,
            "org.apache.camel", Level.WARN);
    /**
     * Asterisk-Java's FastAGI base class logs under the name of our subclass: "Listening on *" (whatever the bound
     * address) and a bind failure with its stack trace. {@code AgiServerRuntime} reports both once, with the bound
     * address, so at INFO and above nothing of this name is shown (our subclass logs under the runtime's name).
     */
    static final String ASTERISK_JAVA_SERVER = "org.hotline.ivr.server.internal.HotlineAgiServer";

    /** Reads the variables; throws naming the variable when a value is not one of the known ones. */
    public static LogSettings fromEnvironment(Map<String, String> env, String levelOverride) {
        String levelText = levelOverride != null ? levelOverride : env.get(LEVEL_VARIABLE);
        return new LogSettings(level(levelText), format(env.get(FORMAT_VARIABLE)));
    }

    /** The least level logger {@code name} logs at, or null when it logs nothing. */
    Level thresholdFor(String name) {
        if (level == null || level.toInt() < Level.INFO.toInt()) {
            return level;
        }
        if (name.equals(ASTERISK_JAVA_SERVER)) {
            return null;
        }
        Level threshold = level;
        for (Map.Entry<String, Level> quieter : QUIETER.entrySet()) {
            if (name.startsWith(quieter.getKey()) && quieter.getValue().toInt() > threshold.toInt()) {
                threshold = quieter.getValue();
            }
        }
        return threshold;
    }

    private static Level level(String text) {
        if (text == null || text.isBlank()) {
            return DEFAULTS.level();
        }
        String upper = text.strip().toUpperCase(Locale.ROOT);
        if (upper.equals("OFF")) {
            return null;
        }
        try {
            return Level.valueOf(upper.equals("WARNING") ? "WARN" : upper);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(LEVEL_VARIABLE + " must be one of TRACE, DEBUG, INFO, WARN, ERROR, OFF, got '"
                    + text + "'");
        }
    }

    private static LogFormat format(String text) {
        if (text == null || text.isBlank()) {
            return DEFAULTS.format();
        }
        return switch (text.strip().toLowerCase(Locale.ROOT)) {
            case "text" -> LogFormat.TEXT;
            case "json" -> LogFormat.JSON;
            default -> throw new IllegalArgumentException(FORMAT_VARIABLE + " must be text or json, got '" + text + "'");
        };
    }
}

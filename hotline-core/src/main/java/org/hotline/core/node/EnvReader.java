package org.hotline.core.node;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Typed, fail-fast reads of configuration variables; every error names the variable and the bad value. */
final class EnvReader {

    private static final Pattern SHORT_DURATION = Pattern.compile("(\\d+)(ms|s|m|h|d)");

    private final Map<String, String> env;

    EnvReader(Map<String, String> env) {
        this.env = env;
    }

    Optional<String> optional(String key) {
        String value = env.get(key);
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.trim());
    }

    /**
     * A comma-separated list, entries trimmed, if the variable is set at all: unlike the other reads, a blank value
     * counts as set (a list of one empty entry), for settings where "nothing" must not silently mean the default.
     */
    Optional<java.util.List<String>> list(String key) {
        String value = env.get(key);
        return value == null ? Optional.empty()
                : Optional.of(java.util.Arrays.stream(value.split(",", -1)).map(String::strip).toList());
    }

    /** A secret, if set: at least {@code minLength} characters; the error never repeats the value. */
    Optional<String> secret(String key, int minLength) {
        Optional<String> value = optional(key);
        if (value.isPresent() && value.get().length() < minLength) {
            throw new IllegalArgumentException("Configuration " + key + " is too short: expected a random secret of at least "
                    + minLength + " characters");
        }
        return value;
    }

    String string(String key, String defaultValue) {
        return optional(key).orElse(defaultValue);
    }

    int port(String key, int defaultValue) {
        int port = integer(key, defaultValue);
        if (port < 0 || port > 65_535) {
            throw bad(key, String.valueOf(port), "a TCP port between 0 and 65535");
        }
        return port;
    }

    int positiveInt(String key, int defaultValue) {
        int value = integer(key, defaultValue);
        if (value <= 0) {
            throw bad(key, String.valueOf(value), "a positive whole number");
        }
        return value;
    }

    int range(String key, int defaultValue, int min, int max) {
        int value = integer(key, defaultValue);
        if (value < min || value > max) {
            throw bad(key, String.valueOf(value), "a whole number from " + min + " to " + max);
        }
        return value;
    }

    /** A comma-separated set of {@code type}'s constants (any case), {@code none} for the empty set. */
    <E extends Enum<E>> Set<E> enumSet(String key, Class<E> type, Set<E> defaultValue) {
        Optional<String> value = optional(key);
        if (value.isEmpty()) {
            return defaultValue;
        }
        Set<E> out = EnumSet.noneOf(type);
        if (value.get().equalsIgnoreCase("none")) {
            return out;
        }
        for (String part : value.get().split(",")) {
            try {
                out.add(Enum.valueOf(type, part.trim().toUpperCase(Locale.ROOT)));
            } catch (IllegalArgumentException e) {
                throw bad(key, value.get(), "'none' or a comma-separated list of "
                        + java.util.Arrays.toString(type.getEnumConstants()));
            }
        }
        return out;
    }

    boolean bool(String key, boolean defaultValue) {
        Optional<String> value = optional(key);
        if (value.isEmpty()) {
            return defaultValue;
        }
        return switch (value.get().toLowerCase(Locale.ROOT)) {
            case "true", "yes", "1", "on" -> true;
            case "false", "no", "0", "off" -> false;
            default -> throw bad(key, value.get(), "true or false");
        };
    }

    /** Durations as {@code 500ms}, {@code 3s}, {@code 5m}, {@code 2h}, {@code 1d} or ISO-8601 ({@code PT3S}). */
    Duration duration(String key, Duration defaultValue) {
        Optional<String> value = optional(key);
        if (value.isEmpty()) {
            return defaultValue;
        }
        return parseDuration(value.get()).filter(d -> !d.isNegative() && !d.isZero())
                .orElseThrow(() -> bad(key, value.get(), "a positive duration such as 500ms, 3s, 5m or PT3S"));
    }

    static Optional<Duration> parseDuration(String text) {
        Matcher m = SHORT_DURATION.matcher(text.trim());
        if (m.matches()) {
            long n = Long.parseLong(m.group(1));
            return Optional.of(switch (m.group(2)) {
                case "ms" -> Duration.ofMillis(n);
                case "s" -> Duration.ofSeconds(n);
                case "m" -> Duration.ofMinutes(n);
                case "h" -> Duration.ofHours(n);
                default -> Duration.ofDays(n);
            });
        }
        try {
            return Optional.of(Duration.parse(text.trim()));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    private int integer(String key, int defaultValue) {
        Optional<String> value = optional(key);
        if (value.isEmpty()) {
            return defaultValue;
        }
        try {
            return Integer.parseInt(value.get());
        } catch (NumberFormatException e) {
            throw bad(key, value.get(), "a whole number");
        }
    }

    private static IllegalArgumentException bad(String key, String value, String expected) {
        return new IllegalArgumentException("Configuration " + key + "='" + value + "' is invalid: expected " + expected);
    }
}

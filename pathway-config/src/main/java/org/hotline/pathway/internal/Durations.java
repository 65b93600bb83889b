package org.hotline.pathway.internal;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.regex.Pattern;

/** Parses acknowledgement deadlines: ISO-8601 ({@code PT30M}, {@code P2D}) or short forms {@code 30m 4h 2d}. */
public final class Durations {

    private static final Pattern SHORT = Pattern.compile("(\\d{1,6})([mhd])");

    private Durations() {}

    /** The positive duration written, or null when the text is not a valid positive duration. */
    public static Duration parse(String text) {
        var t = text.trim();
        var m = SHORT.matcher(t);
        Duration d;
        if (m.matches()) {
            long n = Long.parseLong(m.group(1));
            d = switch (m.group(2)) {
                case "m" -> Duration.ofMinutes(n);
                case "h" -> Duration.ofHours(n);
                default -> Duration.ofDays(n);
            };
        } else {
            try {
                d = Duration.parse(t);
            } catch (DateTimeParseException e) {
                return null;
            }
        }
        return d.isNegative() || d.isZero() ? null : d;
    }

    /** Short human form used in reports: {@code 30m}, {@code 4h}, {@code 2d}, else ISO-8601. */
    public static String format(Duration d) {
        if (d == null) {
            return "-";
        }
        long minutes = d.toMinutes();
        if (d.toSeconds() % 60 != 0) {
            return d.toString();
        }
        if (minutes % (24 * 60) == 0) {
            return minutes / (24 * 60) + "d";
        }
        return minutes % 60 == 0 ? minutes / 60 + "h" : minutes + "m";
    }
}

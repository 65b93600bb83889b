package org.hotline.core.stats;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Which records statistics and exports cover: calendar days {@code from} to {@code to} inclusive (in the
 * statistics time zone) and optionally one region code.
 */
public record StatsFilter(LocalDate from, LocalDate to, Optional<String> region) {

    /** Longest range one request may cover; a national hotline's full history fits well inside it. */
    public static final int MAX_DAYS = 3 * 366;
    private static final Pattern REGION = Pattern.compile("[A-Za-z0-9_-]{1,32}");

    public StatsFilter {
        if (to.isBefore(from)) {
            throw new IllegalArgumentException("to is before from");
        }
    }

    public Instant start(ZoneId zone) {
        return from.atStartOfDay(zone).toInstant();
    }

    /** The first instant after the range. */
    public Instant end(ZoneId zone) {
        return to.plusDays(1).atStartOfDay(zone).toInstant();
    }

    /** The outcome of reading a filter from request parameters: every problem at once, or the filter. */
    public sealed interface Parsed {
        record Valid(StatsFilter filter) implements Parsed {}

        record Invalid(List<String> problems) implements Parsed {
            public Invalid {
                problems = List.copyOf(problems);
            }
        }
    }

    /**
     * Reads {@code from}, {@code to} (ISO dates) or {@code month} (yyyy-MM) and {@code region} from request
     * parameters. Without dates the range is the 30 days up to {@code today}.
     */
    public static Parsed parse(Function<String, String> param, LocalDate today) {
        List<String> problems = new ArrayList<>();
        String month = param.apply("month");
        LocalDate from = today.minusDays(29);
        LocalDate to = today;
        if (month != null && (param.apply("from") != null || param.apply("to") != null)) {
            problems.add("give either month or from/to, not both");
        } else if (month != null) {
            try {
                YearMonth ym = YearMonth.parse(month);
                from = ym.atDay(1);
                to = ym.atEndOfMonth();
            } catch (DateTimeParseException e) {
                problems.add("month must look like 2026-11");
            }
        } else {
            from = date(param.apply("from"), "from", problems, from);
            to = date(param.apply("to"), "to", problems, to);
        }
        String region = param.apply("region");
        if (region != null && !region.isEmpty() && !REGION.matcher(region).matches()) {
            problems.add("region must be a region code (letters, digits, _ or -, at most 32)");
        }
        if (problems.isEmpty() && to.isBefore(from)) {
            problems.add("to must not be before from");
        }
        if (problems.isEmpty() && from.plusDays(MAX_DAYS).isBefore(to)) {
            problems.add("the range may cover at most " + MAX_DAYS + " days");
        }
        if (!problems.isEmpty()) {
            return new Parsed.Invalid(problems);
        }
        return new Parsed.Valid(new StatsFilter(from, to,
                region == null || region.isEmpty() ? Optional.empty() : Optional.of(region)));
    }

    private static LocalDate date(String value, String name, List<String> problems, LocalDate fallback) {
        if (value == null || value.isEmpty()) {
            return fallback;
        }
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            problems.add(name + " must be a date like 2026-11-23");
            return fallback;
        }
    }
}

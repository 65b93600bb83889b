package org.hotline.pathway.interpreter;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/** Days {@code firstDay..lastDay} (wrapping over Sunday) from {@code from} until before {@code until}. */
public record OpenHours(DayOfWeek firstDay, DayOfWeek lastDay, LocalTime from, LocalTime until) {

    private static final Pattern FORM = Pattern.compile(
            "(mon|tue|wed|thu|fri|sat|sun)(?:-(mon|tue|wed|thu|fri|sat|sun))? ([0-2]\\d:[0-5]\\d)-([0-2]\\d:[0-5]\\d)");
    private static final String DAYS = "montuewedthufrisatsun";

    /** Reads {@code "mon-fri 08:00-18:00"} or {@code "sat 09:00-13:00"}; empty when the text is not that form. */
    public static Optional<OpenHours> parse(String text) {
        var m = FORM.matcher(text.trim().toLowerCase(Locale.ROOT));
        if (!m.matches()) {
            return Optional.empty();
        }
        try {
            var first = day(m.group(1));
            var last = m.group(2) == null ? first : day(m.group(2));
            var from = LocalTime.parse(m.group(3));
            var until = LocalTime.parse(m.group(4));
            return from.isBefore(until) ? Optional.of(new OpenHours(first, last, from, until)) : Optional.empty();
        } catch (java.time.format.DateTimeParseException e) {
            return Optional.empty();
        }
    }

    public boolean includes(ZonedDateTime at) {
        int day = at.getDayOfWeek().getValue();
        int a = firstDay.getValue();
        int b = lastDay.getValue();
        boolean onDay = a <= b ? day >= a && day <= b : day >= a || day <= b;
        var time = at.toLocalTime();
        return onDay && !time.isBefore(from) && time.isBefore(until);
    }

    private static DayOfWeek day(String abbreviation) {
        return DayOfWeek.of(DAYS.indexOf(abbreviation) / 3 + 1);
    }
}

package org.hotline.ivr.flow;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * When operators answer: daily opening windows in a time zone, closed all day on holidays.
 * A day missing from {@code weekly} is closed.
 */
public record OpeningHours(ZoneId zone, Map<DayOfWeek, List<Window>> weekly, Set<LocalDate> holidays) {

    /** Always open; for flows that declare no hours. */
    public static final OpeningHours ALWAYS = new OpeningHours(ZoneId.of("UTC"),
            Map.of(DayOfWeek.MONDAY, List.of(Window.ALL_DAY), DayOfWeek.TUESDAY, List.of(Window.ALL_DAY),
                    DayOfWeek.WEDNESDAY, List.of(Window.ALL_DAY), DayOfWeek.THURSDAY, List.of(Window.ALL_DAY),
                    DayOfWeek.FRIDAY, List.of(Window.ALL_DAY), DayOfWeek.SATURDAY, List.of(Window.ALL_DAY),
                    DayOfWeek.SUNDAY, List.of(Window.ALL_DAY)),
            Set.of());

    private static final int DAYS_AHEAD = 366;

    public OpeningHours {
        weekly = Map.copyOf(weekly);
        holidays = Set.copyOf(holidays);
    }

    /** Whether operators answer at this instant. */
    public boolean isOpen(Instant at) {
        ZonedDateTime local = at.atZone(zone);
        if (holidays.contains(local.toLocalDate())) {
            return false;
        }
        LocalTime time = local.toLocalTime();
        return weekly.getOrDefault(local.getDayOfWeek(), List.of()).stream().anyMatch(w -> w.contains(time));
    }

    /**
     * The first instant at or after {@code at} when operators answer; {@code at} itself when open now. Empty when
     * no window opens within a year (a flow whose every day is closed).
     */
    public Optional<Instant> nextOpening(Instant at) {
        if (isOpen(at)) {
            return Optional.of(at);
        }
        LocalDate day = at.atZone(zone).toLocalDate();
        for (int d = 0; d <= DAYS_AHEAD; d++, day = day.plusDays(1)) {
            if (holidays.contains(day)) {
                continue;
            }
            for (Window w : sorted(day)) {
                Instant opens = day.atTime(w.from()).atZone(zone).toInstant();
                if (!opens.isBefore(at)) {
                    return Optional.of(opens);
                }
            }
        }
        return Optional.empty();
    }

    /**
     * The instant when {@code open} of opening time has passed since {@code from} (closed time does not count):
     * a deadline in opening hours. Empty when the hours never open enough within a year.
     */
    public Optional<Instant> afterOpenTime(Instant from, Duration open) {
        Duration left = open;
        Instant at = from;
        for (int windows = 0; windows < DAYS_AHEAD * 4; windows++) {
            Optional<Instant> opening = nextOpening(at);
            if (opening.isEmpty()) {
                return Optional.empty();
            }
            Instant start = opening.get();
            Instant closes = closingAfter(start);
            Duration available = Duration.between(start, closes);
            if (available.compareTo(left) >= 0) {
                return Optional.of(start.plus(left));
            }
            left = left.minus(available);
            at = closes;
        }
        return Optional.empty();
    }

    /** When the window open at {@code open} closes (the end of the day's windows joined end to end). */
    private Instant closingAfter(Instant open) {
        ZonedDateTime local = open.atZone(zone);
        LocalTime time = local.toLocalTime();
        for (Window w : sorted(local.toLocalDate())) {
            if (w.contains(time)) {
                return w.to().equals(LocalTime.MIDNIGHT)
                        ? local.toLocalDate().plusDays(1).atStartOfDay(zone).toInstant()
                        : local.toLocalDate().atTime(w.to()).atZone(zone).toInstant();
            }
        }
        return open;
    }

    private List<Window> sorted(LocalDate day) {
        return weekly.getOrDefault(day.getDayOfWeek(), List.of()).stream()
                .sorted(java.util.Comparator.comparing(Window::from)).toList();
    }

    /** A window from {@code from} (inclusive) to {@code to} (exclusive); {@code to} 00:00 means midnight. */
    public record Window(LocalTime from, LocalTime to) {
        static final Window ALL_DAY = new Window(LocalTime.MIDNIGHT, LocalTime.MIDNIGHT);

        boolean contains(LocalTime time) {
            boolean untilMidnight = to.equals(LocalTime.MIDNIGHT);
            return !time.isBefore(from) && (untilMidnight || time.isBefore(to));
        }
    }
}

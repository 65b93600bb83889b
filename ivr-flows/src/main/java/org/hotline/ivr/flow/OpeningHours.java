package org.hotline.ivr.flow;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
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

    /** A window from {@code from} (inclusive) to {@code to} (exclusive); {@code to} 00:00 means midnight. */
    public record Window(LocalTime from, LocalTime to) {
        static final Window ALL_DAY = new Window(LocalTime.MIDNIGHT, LocalTime.MIDNIGHT);

        boolean contains(LocalTime time) {
            boolean untilMidnight = to.equals(LocalTime.MIDNIGHT);
            return !time.isBefore(from) && (untilMidnight || time.isBefore(to));
        }
    }
}

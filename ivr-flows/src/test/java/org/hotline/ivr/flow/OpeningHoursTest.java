package org.hotline.ivr.flow;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class OpeningHoursTest {

    private static final OpeningHours HOURS = new OpeningHours(ZoneId.of("Africa/Lagos"),
            Map.of(DayOfWeek.TUESDAY, List.of(new OpeningHours.Window(LocalTime.of(8, 0), LocalTime.of(20, 0))),
                    DayOfWeek.SATURDAY, List.of(new OpeningHours.Window(LocalTime.of(22, 0), LocalTime.MIDNIGHT))),
            Set.of(LocalDate.parse("2026-12-29")));

    @ParameterizedTest
    @CsvSource({
        "2026-11-24T07:00:00Z, true",    // Tuesday 08:00 in Lagos (UTC+1): opening minute
        "2026-11-24T06:59:59Z, false",
        "2026-11-24T18:59:59Z, true",
        "2026-11-24T19:00:00Z, false",   // 20:00 local: closed
        "2026-11-25T10:00:00Z, false",   // Wednesday: no window
        "2026-12-29T10:00:00Z, false",   // a Tuesday holiday
        "2026-11-28T22:30:00Z, true",    // Saturday 23:30 local, window until midnight
    })
    void shouldBeOpenOnlyInsideTheWindowsOfTheLocalDayAndNeverOnHolidays(Instant at, boolean open) {
        // when / then
        assertThat(HOURS.isOpen(at)).isEqualTo(open);
    }

    @Test
    void shouldAlwaysBeOpenWhenAFlowDeclaresNoHours() {
        // when / then
        assertThat(OpeningHours.ALWAYS.isOpen(Instant.parse("2026-12-25T03:00:00Z"))).isTrue();
    }

    @ParameterizedTest
    @CsvSource({
        "2026-11-24T10:00:00Z, 2026-11-24T10:00:00Z",   // open now: now
        "2026-11-24T05:00:00Z, 2026-11-24T07:00:00Z",   // before the opening: 08:00 local the same day
        "2026-11-24T20:00:00Z, 2026-11-28T21:00:00Z",   // after the closing: the next window, Saturday 22:00 local
        "2026-12-28T23:30:00Z, 2027-01-02T21:00:00Z",   // the Tuesday 29th is a holiday: skipped
    })
    void shouldFindTheNextOpeningAfterClosedTimeAndHolidays(Instant at, Instant expected) {
        // when / then
        assertThat(HOURS.nextOpening(at)).contains(expected);
    }

    @Test
    void shouldCountADeadlineInOpeningTimeOnly() {
        // given: Saturday 23:30 local, half an hour before its window closes
        Instant at = Instant.parse("2026-11-28T22:30:00Z");

        // when: two hours of opening time
        var due = HOURS.afterOpenTime(at, java.time.Duration.ofHours(2));

        // then: 30 minutes on Saturday, then 90 from Tuesday 08:00 local
        assertThat(due).contains(Instant.parse("2026-12-01T08:30:00Z"));
    }

    @Test
    void shouldFindNoOpeningWhenEveryDayIsClosed() {
        // given
        OpeningHours never = new OpeningHours(ZoneId.of("UTC"), Map.of(), Set.of());

        // when / then
        assertThat(never.nextOpening(Instant.parse("2026-11-24T10:00:00Z"))).isEmpty();
        assertThat(never.afterOpenTime(Instant.parse("2026-11-24T10:00:00Z"), java.time.Duration.ofHours(1))).isEmpty();
    }
}

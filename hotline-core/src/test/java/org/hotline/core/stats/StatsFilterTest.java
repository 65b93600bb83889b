package org.hotline.core.stats;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class StatsFilterTest {

    private static final LocalDate TODAY = LocalDate.parse("2026-11-23");

    @Test
    void shouldDefaultToTheLastThirtyDaysForAllRegions() {
        // given / when
        StatsFilter.Parsed parsed = StatsFilter.parse(Map.<String, String>of()::get, TODAY);
        // then
        assertThat(parsed).isEqualTo(new StatsFilter.Parsed.Valid(
                new StatsFilter(LocalDate.parse("2026-10-25"), TODAY, Optional.empty())));
    }

    @Test
    void shouldReadAMonthAsItsFirstToLastDay() {
        // given / when
        StatsFilter.Parsed parsed = StatsFilter.parse(Map.of("month", "2026-02", "region", "MO")::get, TODAY);
        // then
        assertThat(parsed).isEqualTo(new StatsFilter.Parsed.Valid(new StatsFilter(LocalDate.parse("2026-02-01"),
                LocalDate.parse("2026-02-28"), Optional.of("MO"))));
    }

    @Test
    void shouldReportEveryProblemAtOnce() {
        // given / when
        StatsFilter.Parsed parsed = StatsFilter.parse(
                Map.of("from", "yesterday", "to", "2026-13-01", "region", "MO; drop tips")::get, TODAY);
        // then
        assertThat(parsed).isInstanceOfSatisfying(StatsFilter.Parsed.Invalid.class, i -> assertThat(i.problems())
                .containsExactly("from must be a date like 2026-11-23", "to must be a date like 2026-11-23",
                        "region must be a region code (letters, digits, _ or -, at most 32)"));
    }

    @Test
    void shouldRefuseReversedRangesTooLongRangesAndMonthWithDates() {
        // given / when / then
        assertThat(StatsFilter.parse(Map.of("from", "2026-11-02", "to", "2026-11-01")::get, TODAY))
                .isEqualTo(new StatsFilter.Parsed.Invalid(java.util.List.of("to must not be before from")));
        assertThat(StatsFilter.parse(Map.of("from", "2020-01-01", "to", "2026-11-01")::get, TODAY))
                .isInstanceOf(StatsFilter.Parsed.Invalid.class);
        assertThat(StatsFilter.parse(Map.of("month", "2026-11", "from", "2026-11-01")::get, TODAY))
                .isInstanceOf(StatsFilter.Parsed.Invalid.class);
        assertThat(StatsFilter.parse(Map.of("month", "November")::get, TODAY))
                .isEqualTo(new StatsFilter.Parsed.Invalid(java.util.List.of("month must look like 2026-11")));
    }
}

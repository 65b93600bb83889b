package org.hotline.core.stats;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Optional;
import org.hotline.core.storage.MongoStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Statistics computed over the MongoDB driver against the embedded server, from seeded tips, calls, referrals. */
class StatsServiceIT {

    private static final Instant NOW = Instant.parse("2026-11-23T12:00:00Z");
    private static final StatsFilter NOVEMBER = new StatsFilter(LocalDate.parse("2026-11-01"),
            LocalDate.parse("2026-11-30"), Optional.empty());

    @TempDir
    Path dir;

    private MongoStore mongo;
    private StatsService stats;
    private StatsData data;

    @BeforeEach
    void start() {
        mongo = MongoStore.embedded(dir.resolve("mongo"), 0, "hotline", Duration.ofSeconds(3));
        stats = new StatsService(mongo.database(), new org.hotline.core.tip.internal.MongoTipRepository(mongo, org.hotline.core.crypto.TipCipher.open(java.util.Map.of(), dir.resolve("keys"))), new StatsConfig(5, 11, ZoneOffset.UTC),
                Clock.fixed(NOW, ZoneOffset.UTC));
        data = new StatsData(mongo.database());
    }

    @AfterEach
    void stop() {
        mongo.close();
    }

    @Test
    void shouldCountCallsPerDayHourAndOutcomeAndSuppressSmallCells() {
        // given 7 completed and 6 operator calls at 09:xx and 2 busy calls at 14:xx on 3 November, one abandoned
        // call in October
        data.calls(7, "2026-11-03T09:15:00Z", "COMPLETED", null);
        data.calls(6, "2026-11-03T09:20:00Z", "OPERATOR", null);
        data.calls(2, "2026-11-03T14:00:00Z", "BUSY", null);
        data.calls(1, "2026-10-31T23:59:00Z", "ABANDONED", "menu");
        // when
        StatsReport.Calls calls = stats.compute(NOVEMBER).calls();
        // then busy is hidden, and so is the next smallest outcome, or the total would give busy away
        assertThat(calls.total()).isEqualTo(new Cell.Count(15));
        assertThat(calls.byOutcome()).containsEntry("COMPLETED", new Cell.Count(7))
                .containsEntry("OPERATOR", new Cell.Suppressed()).containsEntry("BUSY", new Cell.Suppressed())
                .containsEntry("ABANDONED", new Cell.Count(0));
        assertThat(calls.byDay()).hasSize(30);
        assertThat(calls.byDay().get("2026-11-03")).containsEntry("COMPLETED", new Cell.Count(7))
                .containsEntry("BUSY", new Cell.Suppressed());
        assertThat(calls.byHour().get("9")).containsEntry("COMPLETED", new Cell.Count(7))
                .containsEntry("OPERATOR", new Cell.Count(6));
        assertThat(calls.byHour().get("14")).containsEntry("BUSY", new Cell.Suppressed());
        assertThat(calls.dropOffByNode()).isEmpty();
    }

    @Test
    void shouldShowWhereCallersHangUp() {
        // given
        data.calls(6, "2026-11-05T10:00:00Z", "ABANDONED", "ask_region");
        data.calls(5, "2026-11-05T10:00:00Z", "ABANDONED", "ask_type");
        data.calls(2, "2026-11-05T10:00:00Z", "ABANDONED", "consent_record");
        data.calls(3, "2026-11-05T10:00:00Z", "SILENT", "language");
        // when
        StatsReport.Calls calls = stats.compute(NOVEMBER).calls();
        // then
        assertThat(calls.dropOffByNode()).containsExactly(
                java.util.Map.entry("ask_region", new Cell.Count(6)),
                java.util.Map.entry("ask_type", new Cell.Suppressed()),
                java.util.Map.entry("consent_record", new Cell.Suppressed()));
    }

    @Test
    void shouldCountTipsByTypeRegionMonthLanguageAndChildren() {
        // given
        data.tips(6, "2026-11-02T08:00:00Z", "forced_labour", "MO", false, true);
        data.tips(5, "2026-11-20T08:00:00Z", "sexual_exploitation", "BO", true, true);
        data.tips(2, "2026-11-21T08:00:00Z", "child_labour", "BO", true, false);
        data.tips(4, "2026-12-01T08:00:00Z", "forced_labour", "MO", false, true);
        // when
        StatsReport.Tips tips = stats.compute(NOVEMBER).tips();
        // then
        assertThat(tips.total()).isEqualTo(new Cell.Count(13));
        assertThat(tips.byExploitationType()).containsEntry("forced_labour", new Cell.Count(6))
                .containsEntry("sexual_exploitation", new Cell.Suppressed())
                .containsEntry("child_labour", new Cell.Suppressed());
        assertThat(tips.byRegion()).containsEntry("MO", new Cell.Count(6)).containsEntry("BO", new Cell.Count(7));
        assertThat(tips.byMonth()).containsExactly(java.util.Map.entry("2026-11", new Cell.Count(13)));
        assertThat(tips.byLanguage()).containsEntry("en", new Cell.Count(13));
        assertThat(tips.childInvolved()).isEqualTo(new Cell.Count(7));
        assertThat(tips.childShare()).isEqualTo(new Measure.Value(7.0 / 13));
    }

    @Test
    void shouldLimitTipsAndReferralsToTheRegionFilter() {
        // given
        data.tips(6, "2026-11-02T08:00:00Z", "forced_labour", "MO", false, true);
        data.tips(5, "2026-11-02T08:00:00Z", "forced_labour", "BO", false, true);
        data.tips.find().forEach(tip -> data.referral(tip.getString("_id"), "police", "2026-11-02T08:00:00Z",
                Duration.ofHours(4), Duration.ofMinutes(30)));
        StatsFilter bong = new StatsFilter(NOVEMBER.from(), NOVEMBER.to(), Optional.of("BO"));
        // when
        StatsReport report = stats.compute(bong);
        // then
        assertThat(report.tips().total()).isEqualTo(new Cell.Count(5));
        assertThat(report.agencies()).singleElement()
                .satisfies(a -> assertThat(a.referrals()).isEqualTo(new Cell.Count(5)));
    }

    @Test
    void shouldMeasureAcknowledgementTimesAndShareWithinDeadlinePerAgency() {
        // given police acknowledge ten referrals after 10..100 minutes with a one-hour deadline, one overdue
        // unacknowledged; labour has three referrals only
        for (int i = 1; i <= 10; i++) {
            data.referral("t" + i, "police", "2026-11-10T08:00:00Z", Duration.ofHours(1), Duration.ofMinutes(10L * i));
        }
        data.referral("t11", "police", "2026-11-10T08:00:00Z", Duration.ofHours(1), null);
        for (int i = 1; i <= 3; i++) {
            data.referral("l" + i, "labour", "2026-11-10T08:00:00Z", Duration.ofHours(24), Duration.ofMinutes(5));
        }
        data.outcome("t1:police", "victim_rescued");
        // when
        var agencies = stats.compute(NOVEMBER).agencies();
        // then
        assertThat(agencies).extracting(StatsReport.Agency::agencyId).containsExactly("labour", "police");
        StatsReport.Agency police = agencies.get(1);
        assertThat(police.referrals()).isEqualTo(new Cell.Count(11));
        assertThat(police.acknowledged()).isEqualTo(new Cell.Count(10));
        assertThat(police.medianAckMinutes()).isEqualTo(new Measure.Value(50));
        assertThat(police.p90AckMinutes()).isEqualTo(new Measure.Value(90));
        assertThat(police.withinDeadline()).isEqualTo(new Measure.Value(6.0 / 11));
        assertThat(police.outcomes()).containsEntry("victim_rescued", new Cell.Suppressed());
        StatsReport.Agency labour = agencies.get(0);
        assertThat(labour.referrals()).isEqualTo(new Cell.Suppressed());
        assertThat(labour.medianAckMinutes()).isEqualTo(new Measure.Suppressed());
        assertThat(labour.withinDeadline()).isEqualTo(new Measure.Suppressed());
    }
}

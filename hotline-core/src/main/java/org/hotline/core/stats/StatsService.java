package org.hotline.core.stats;

import com.mongodb.client.MongoDatabase;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.function.Supplier;
import org.hotline.core.stats.internal.AgencyStatsQuery;
import org.hotline.core.stats.internal.CallStatsQuery;
import org.hotline.core.stats.internal.SurveyStatsQuery;
import org.hotline.core.stats.internal.TipStatsQuery;
import org.hotline.core.tip.TipRepository;

/**
 * Computes the published statistics: calls, tips, agencies' acknowledgement times and outcomes, IVR drop-off.
 * Every count from 1 to {@code minCell - 1} is suppressed before it leaves this class. Blocking (MongoDB).
 */
public final class StatsService {

    private final MongoDatabase db;
    private final TipRepository tipStore;
    private final StatsConfig config;
    private final Clock clock;
    private final Supplier<List<String>> languages;

    /** Statistics whose languages are only those tips carry. */
    public StatsService(MongoDatabase db, TipRepository tips, StatsConfig config, Clock clock) {
        this(db, tips, config, clock, List::of);
    }

    /** {@code languages}: the IVR's languages, each listed in the tips by language (zero when none came). */
    public StatsService(MongoDatabase db, TipRepository tips, StatsConfig config, Clock clock,
            Supplier<List<String>> languages) {
        this.languages = languages;
        this.db = db;
        this.tipStore = tips;
        this.config = config;
        this.clock = clock;
    }

    public StatsConfig config() {
        return config;
    }

    /** Today in the statistics time zone (the default end of a range). */
    public LocalDate today() {
        return LocalDate.now(clock.withZone(config.zone()));
    }

    /**
     * Survey answers of the whole months the filter's days fall in (answers keep only their month), small cells
     * suppressed.
     */
    public SurveyStats survey(StatsFilter filter) {
        YearMonth from = YearMonth.from(filter.from());
        YearMonth to = YearMonth.from(filter.to());
        return new SurveyStats(from, to, config.minCell(), config.survey(),
                SurveyStatsQuery.run(db, from, to, config.minCell()));
    }

    public StatsReport compute(StatsFilter filter) {
        int minCell = config.minCell();
        StatsReport.Calls calls = CallStatsQuery.run(db, filter, config.zone(), minCell);
        TipStatsQuery.Result tips = TipStatsQuery.run(tipStore, filter, config.zone(), minCell, languages.get());
        var agencies = AgencyStatsQuery.run(db, filter, config.zone(),
                filter.region().isPresent() ? tips.tipIds() : null, clock.instant(), minCell);
        return new StatsReport(filter, minCell, calls, tips.tips(), agencies);
    }
}

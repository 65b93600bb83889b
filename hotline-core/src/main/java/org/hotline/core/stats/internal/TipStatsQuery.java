package org.hotline.core.stats.internal;


import java.time.YearMonth;
import java.time.ZoneId;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.hotline.core.stats.Cell;
import org.hotline.core.stats.Measure;
import org.hotline.core.stats.StatsFilter;
import org.hotline.core.stats.StatsReport;
import org.hotline.core.tip.Tip;
import org.hotline.core.tip.TipRepository;

/** Tip statistics: categories only, read through the tip repository without personal values. */
public final class TipStatsQuery {

    /** What one run found: the published figures and the ids of the tips they cover (to match referrals). */
    public record Result(StatsReport.Tips tips, Set<String> tipIds) {}

    private TipStatsQuery() {}

    public static Result run(TipRepository store, StatsFilter filter, ZoneId zone, int minCell, List<String> languageKeys) {
        Tally types = new Tally();
        Tally regions = new Tally();
        Tally languages = new Tally();
        Tally months = new Tally();
        long children = 0;
        long answeredChild = 0;
        Set<String> ids = new HashSet<>();
        for (Tip tip : store.receivedBetween(filter.start(zone), filter.end(zone), filter.region())) {
            ids.add(tip.id());
            types.add(tip.text("exploitationType"));
            regions.add(tip.text("region"));
            languages.add(tip.text("language"));
            months.add(YearMonth.from(tip.receivedAt().atZone(zone)).toString());
            if (tip.flag("childInvolved") != null) {
                answeredChild++;
                children += tip.flag("childInvolved") ? 1 : 0;
            }
        }
        Map<String, Cell> byMonth = new LinkedHashMap<>();
        for (YearMonth m = YearMonth.from(filter.from()); !m.isAfter(YearMonth.from(filter.to())); m = m.plusMonths(1)) {
            byMonth.put(m.toString(), Cell.of(months.get(m.toString()), minCell));
        }
        // a share is suppressed when either its numerator or its denominator is a small cell
        Measure share = children > 0 && children < minCell ? new Measure.Suppressed()
                : Measure.of(answeredChild == 0 ? 0 : (double) children / answeredChild, answeredChild, minCell);
        StatsReport.Tips tips = new StatsReport.Tips(Cell.of(types.total(), minCell), types.cells(minCell),
                regions.cells(minCell), byMonth, languages.cells(languageKeys, minCell), Cell.of(children, minCell), share);
        return new Result(tips, ids);
    }
}

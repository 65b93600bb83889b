package org.hotline.core.stats.internal;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.gte;
import static com.mongodb.client.model.Filters.lt;

import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Projections;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.hotline.core.stats.Cell;
import org.hotline.core.stats.Measure;
import org.hotline.core.stats.StatsFilter;
import org.hotline.core.stats.StatsReport;

/** Tip statistics from collection {@code tips}: categories only, streamed with a projection. */
public final class TipStatsQuery {

    /** What one run found: the published figures and the ids of the tips they cover (to match referrals). */
    public record Result(StatsReport.Tips tips, Set<String> tipIds) {}

    private TipStatsQuery() {}

    public static Bson filter(StatsFilter filter, ZoneId zone) {
        List<Bson> conditions = new ArrayList<>(List.of(gte("receivedAt", Date.from(filter.start(zone))),
                lt("receivedAt", Date.from(filter.end(zone)))));
        filter.region().ifPresent(region -> conditions.add(eq("fields.region", region)));
        return and(conditions);
    }

    public static Result run(MongoDatabase db, StatsFilter filter, ZoneId zone, int minCell) {
        Tally types = new Tally();
        Tally regions = new Tally();
        Tally languages = new Tally();
        Tally months = new Tally();
        long children = 0;
        long answeredChild = 0;
        Set<String> ids = new HashSet<>();
        for (Document tip : db.getCollection("tips").find(filter(filter, zone))
                .projection(Projections.include("receivedAt", "fields"))) {
            ids.add(String.valueOf(tip.get("_id")));
            Document fields = tip.get("fields", Document.class);
            Document f = fields == null ? new Document() : fields;
            types.add(f.getString("exploitationType"));
            regions.add(f.getString("region"));
            languages.add(f.getString("language"));
            months.add(YearMonth.from(tip.getDate("receivedAt").toInstant().atZone(zone)).toString());
            if (f.get("childInvolved") instanceof Boolean child) {
                answeredChild++;
                children += child ? 1 : 0;
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
                regions.cells(minCell), byMonth, languages.cells(minCell), Cell.of(children, minCell), share);
        return new Result(tips, ids);
    }
}

package org.hotline.core.stats.internal;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.gte;
import static com.mongodb.client.model.Filters.lt;

import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Projections;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.hotline.core.stats.Cell;
import org.hotline.core.stats.CallLog;
import org.hotline.core.stats.StatsFilter;
import org.hotline.core.stats.StatsReport;

/**
 * Call statistics from collection {@code calls}, streamed with a projection and counted in Java (the embedded
 * server supports few aggregation stages, and a national hotline's calls for a year fit easily). With a
 * region filter only calls whose caller chose that region count; calls that ended before the region question
 * (and busy calls) belong to no region.
 */
public final class CallStatsQuery {

    /** Outcomes shown on every day and hour, even when zero, so charts keep their colours. */
    public static final List<String> OUTCOMES = List.of("COMPLETED", "OPERATOR", "ABANDONED", "SILENT", "BUSY",
            "EMERGENCY");

    private CallStatsQuery() {}

    public static StatsReport.Calls run(MongoDatabase db, StatsFilter filter, ZoneId zone, int minCell) {
        List<Bson> conditions = new ArrayList<>(List.of(gte("at", Date.from(filter.start(zone))),
                lt("at", Date.from(filter.end(zone)))));
        filter.region().ifPresent(region -> conditions.add(eq("region", region)));
        Tally outcomes = new Tally();
        Tally dropOff = new Tally();
        Map<String, Tally> byDay = new TreeMap<>();
        Map<Integer, Tally> byHour = new TreeMap<>();
        for (Document call : db.getCollection(CallLog.CALLS).find(and(conditions))
                .projection(Projections.include("at", "outcome", "lastNode"))) {
            String outcome = call.getString("outcome");
            ZonedDateTime at = call.getDate("at").toInstant().atZone(zone);
            outcomes.add(outcome);
            byDay.computeIfAbsent(at.toLocalDate().toString(), d -> new Tally()).add(outcome);
            byHour.computeIfAbsent(at.getHour(), h -> new Tally()).add(outcome);
            if ("ABANDONED".equals(outcome)) {
                dropOff.add(call.getString("lastNode"));
            }
        }
        Map<String, Map<String, Cell>> days = new LinkedHashMap<>();
        for (var day = filter.from(); !day.isAfter(filter.to()); day = day.plusDays(1)) {
            days.put(day.toString(), withAllOutcomes(byDay.get(day.toString()), minCell));
        }
        Map<String, Map<String, Cell>> hours = new LinkedHashMap<>();
        for (int hour = 0; hour < 24; hour++) {
            hours.put(String.valueOf(hour), withAllOutcomes(byHour.get(hour), minCell));
        }
        return new StatsReport.Calls(Cell.of(outcomes.total(), minCell), withAllOutcomes(outcomes, minCell), days,
                hours, dropOff.cells(minCell));
    }

    private static Map<String, Cell> withAllOutcomes(Tally tally, int minCell) {
        return (tally == null ? new Tally() : tally).cells(OUTCOMES, minCell);
    }
}

package org.hotline.core.stats;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.Map;

/** The JSON form of a {@link StatsReport}: a count is {@code {"count":n}}, a small cell {@code {"suppressed":true}}. */
public final class StatsJson {

    private StatsJson() {}

    public static JsonObject render(StatsReport report) {
        StatsReport.Calls c = report.calls();
        StatsReport.Tips t = report.tips();
        JsonArray agencies = new JsonArray();
        report.agencies().forEach(a -> agencies.add(new JsonObject()
                .put("agencyId", a.agencyId())
                .put("agencyName", a.agencyName())
                .put("referrals", cell(a.referrals()))
                .put("acknowledged", cell(a.acknowledged()))
                .put("medianAckMinutes", measure(a.medianAckMinutes()))
                .put("p90AckMinutes", measure(a.p90AckMinutes()))
                .put("withinDeadlineShare", measure(a.withinDeadline()))
                .put("outcomes", cells(a.outcomes()))));
        return new JsonObject()
                .put("filter", new JsonObject().put("from", report.filter().from().toString())
                        .put("to", report.filter().to().toString())
                        .put("region", report.filter().region().orElse(null)))
                .put("minCell", report.minCell())
                .put("calls", new JsonObject()
                        .put("total", cell(c.total()))
                        .put("byOutcome", cells(c.byOutcome()))
                        .put("byDay", nested(c.byDay()))
                        .put("byHour", nested(c.byHour()))
                        .put("dropOffByNode", cells(c.dropOffByNode())))
                .put("tips", new JsonObject()
                        .put("total", cell(t.total()))
                        .put("byExploitationType", cells(t.byExploitationType()))
                        .put("byRegion", cells(t.byRegion()))
                        .put("byMonth", cells(t.byMonth()))
                        .put("byLanguage", cells(t.byLanguage()))
                        .put("childInvolved", cell(t.childInvolved()))
                        .put("childShare", measure(t.childShare())))
                .put("agencies", agencies);
    }

    static JsonObject cell(Cell cell) {
        return switch (cell) {
            case Cell.Count n -> new JsonObject().put("count", n.value());
            case Cell.Suppressed s -> new JsonObject().put("suppressed", true);
        };
    }

    static JsonObject measure(Measure measure) {
        return switch (measure) {
            case Measure.Value v -> new JsonObject().put("value", Math.round(v.value() * 1000) / 1000.0);
            case Measure.Suppressed s -> new JsonObject().put("suppressed", true);
            case Measure.Missing m -> new JsonObject().put("missing", true);
        };
    }

    private static JsonObject cells(Map<String, Cell> cells) {
        JsonObject out = new JsonObject();
        cells.forEach((key, value) -> out.put(key, cell(value)));
        return out;
    }

    private static JsonObject nested(Map<String, Map<String, Cell>> rows) {
        JsonObject out = new JsonObject();
        rows.forEach((key, value) -> out.put(key, cells(value)));
        return out;
    }
}

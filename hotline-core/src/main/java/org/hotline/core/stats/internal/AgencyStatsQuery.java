package org.hotline.core.stats.internal;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.gte;
import static com.mongodb.client.model.Filters.lt;

import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Projections;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.bson.Document;
import org.hotline.core.referral.ReferralCollection;
import org.hotline.core.stats.Measure;
import org.hotline.core.stats.Cell;
import org.hotline.core.stats.StatsFilter;
import org.hotline.core.stats.StatsReport;

/**
 * Per-agency figures from collection {@code referrals}: acknowledgement times (from the referral's creation,
 * which is when the deadline starts) and outcomes. Referrals count in the range they were created in.
 */
public final class AgencyStatsQuery {

    private AgencyStatsQuery() {}

    /** {@code tipIds}, when not null, limits the referrals to those tips (the region filter). */
    public static List<StatsReport.Agency> run(MongoDatabase db, StatsFilter filter, ZoneId zone, Set<String> tipIds,
            Instant now, int minCell) {
        Map<String, AgencyTally> agencies = new TreeMap<>();
        for (Document r : ReferralCollection.of(db)
                .find(and(gte("createdAt", Date.from(filter.start(zone))), lt("createdAt", Date.from(filter.end(zone)))))
                .projection(Projections.include("tipId", "agencyId", "agencyName", "createdAt", "ackDeadline",
                        "acknowledgeWithinMs", "acknowledgedAt", "declinedAt", "outcomes"))) {
            if (tipIds != null && !tipIds.contains(r.getString("tipId"))) {
                continue;
            }
            agencies.computeIfAbsent(r.getString("agencyId"), id -> new AgencyTally(id)).add(r, now);
        }
        return agencies.values().stream().map(a -> a.publish(minCell)).toList();
    }

    private static final class AgencyTally {
        private final String agencyId;
        private String agencyName;
        private long referrals;
        private final List<Double> ackMinutes = new ArrayList<>();
        private long due;
        private long dueAndInTime;
        private final Tally outcomes = new Tally();

        AgencyTally(String agencyId) {
            this.agencyId = agencyId;
        }

        void add(Document r, Instant now) {
            referrals++;
            if (r.getString("agencyName") != null) {
                agencyName = r.getString("agencyName");
            }
            Date created = r.getDate("createdAt");
            Date acknowledged = r.getDate("acknowledgedAt");
            Instant deadline = deadline(r);
            if (acknowledged != null) {
                long millis = acknowledged.getTime() - created.getTime();
                ackMinutes.add(millis / 60_000.0);
                due++;
                dueAndInTime += deadline == null || !acknowledged.toInstant().isAfter(deadline) ? 1 : 0;
            } else if (deadline != null && deadline.isBefore(now)) {
                due++;
            }
            if (r.getDate("declinedAt") != null) {
                outcomes.add("declined");
            }
            Document recorded = r.get("outcomes", Document.class);
            if (recorded != null) {
                recorded.keySet().forEach(outcomes::add);
            }
        }

        /** The deadline as first set: escalation may move {@code ackDeadline}, not the agency's own time limit. */
        private static Instant deadline(Document r) {
            Number within = r.get("acknowledgeWithinMs", Number.class);
            if (within != null && r.getDate("createdAt") != null) {
                return r.getDate("createdAt").toInstant().plusMillis(within.longValue());
            }
            Date ackDeadline = r.getDate("ackDeadline");
            return ackDeadline == null ? null : ackDeadline.toInstant();
        }

        StatsReport.Agency publish(int minCell) {
            double[] minutes = ackMinutes.stream().mapToDouble(Double::doubleValue).toArray();
            Measure median = minutes.length == 0 ? new Measure.Missing()
                    : Measure.of(Percentile.of(minutes, 50), minutes.length, minCell);
            Measure p90 = minutes.length == 0 ? new Measure.Missing()
                    : Measure.of(Percentile.of(minutes, 90), minutes.length, minCell);
            Measure within = Measure.of(due == 0 ? 0 : (double) dueAndInTime / due, due, minCell);
            return new StatsReport.Agency(agencyId, agencyName == null ? agencyId : agencyName,
                    Cell.of(referrals, minCell), Cell.of(minutes.length, minCell), median, p90, within,
                    outcomes.cells(minCell));
        }
    }
}

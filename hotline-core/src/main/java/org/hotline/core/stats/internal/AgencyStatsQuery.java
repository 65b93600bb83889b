package org.hotline.core.stats.internal;


import com.mongodb.client.MongoDatabase;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.hotline.core.referral.ReferralQueries;
import org.hotline.core.referral.ReferralQueries.AnswerFacts;
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
        for (AnswerFacts r : new ReferralQueries(db).answersCreatedBetween(filter.start(zone), filter.end(zone))) {
            if (tipIds != null && !tipIds.contains(r.tipId())) {
                continue;
            }
            agencies.computeIfAbsent(r.agencyId(), id -> new AgencyTally(id)).add(r, now);
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

        void add(AnswerFacts r, Instant now) {
            referrals++;
            if (r.agencyName() != null) {
                agencyName = r.agencyName();
            }
            Instant deadline = r.firstDeadline();
            if (r.acknowledgedAt() != null) {
                ackMinutes.add(java.time.Duration.between(r.createdAt(), r.acknowledgedAt()).toMillis() / 60_000.0);
                due++;
                dueAndInTime += deadline == null || !r.acknowledgedAt().isAfter(deadline) ? 1 : 0;
            } else if (deadline != null && deadline.isBefore(now)) {
                due++;
            }
            if (r.declined()) {
                outcomes.add("declined");
            }
            r.outcomes().forEach(outcomes::add);
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

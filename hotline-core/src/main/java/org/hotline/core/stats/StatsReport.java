package org.hotline.core.stats;

import java.util.List;
import java.util.Map;

/**
 * The statistics for one filter, with every small cell already suppressed. Map keys are category codes as
 * stored (exploitation type, region, language, outcome, flow node); maps keep a stable order.
 *
 * @param minCell the threshold below which non-zero counts are suppressed
 */
public record StatsReport(StatsFilter filter, int minCell, Calls calls, Tips tips, List<Agency> agencies) {

    public StatsReport {
        agencies = List.copyOf(agencies);
    }

    /**
     * Calls, including those that left no tip.
     *
     * @param byDay ISO day to outcome to count
     * @param byHour hour of day (0–23, as text) to outcome to count
     * @param dropOffByNode flow node where callers hung up before finishing
     */
    public record Calls(Cell total, Map<String, Cell> byOutcome, Map<String, Map<String, Cell>> byDay,
            Map<String, Map<String, Cell>> byHour, Map<String, Cell> dropOffByNode) {}

    /**
     * Tips received.
     *
     * @param byMonth yyyy-MM to count
     * @param childInvolved tips where the caller said a child is involved
     * @param childShare that count over tips that answered the question
     */
    public record Tips(Cell total, Map<String, Cell> byExploitationType, Map<String, Cell> byRegion,
            Map<String, Cell> byMonth, Map<String, Cell> byLanguage, Cell childInvolved, Measure childShare) {}

    /**
     * How one agency answered the referrals made to it in the range.
     *
     * @param medianAckMinutes median minutes from referral to acknowledgement
     * @param p90AckMinutes 90th percentile of the same
     * @param withinDeadline share of referrals whose deadline has passed or that were acknowledged, that were
     *     acknowledged within their deadline
     * @param outcomes outcome code (and {@code declined}) to count
     */
    public record Agency(String agencyId, String agencyName, Cell referrals, Cell acknowledged,
            Measure medianAckMinutes, Measure p90AckMinutes, Measure withinDeadline, Map<String, Cell> outcomes) {}
}

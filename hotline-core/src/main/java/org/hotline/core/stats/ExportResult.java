package org.hotline.core.stats;

import java.util.List;

/**
 * An anonymised export and what was left out of it.
 *
 * @param records the exported cases, sorted by their values (never by arrival, which would hint at dates)
 * @param k the k every quasi-identifier combination in {@code records} reaches
 * @param tipsInRange tips the filter matched
 * @param withoutConsent tips left out because the caller did not consent to statistical use
 * @param suppressed consented tips left out because their quasi-identifier combination occurred fewer than
 *     {@code k} times
 * @param suppressedCombinations how many distinct combinations that was
 */
public record ExportResult(List<ExportRecord> records, int k, long tipsInRange, long withoutConsent, long suppressed,
        long suppressedCombinations) {

    public static final String CONSENT_REASON = "no consent to statistical use";
    public static final String K_REASON = "quasi-identifier combination shared by fewer than k records";

    public ExportResult {
        records = List.copyOf(records);
    }
}

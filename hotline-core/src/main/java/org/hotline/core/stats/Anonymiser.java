package org.hotline.core.stats;

import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.hotline.core.stats.internal.Generalisation;

/**
 * Makes a k-anonymous export: keeps only tips with consent to statistical use, generalises each to
 * {@link ExportRecord} categories, then drops every record whose quasi-identifier combination occurs fewer
 * than k times. Dropping whole records cannot make another combination rarer, so one pass suffices.
 */
public final class Anonymiser {

    private static final Comparator<ExportRecord> BY_VALUES = Comparator
            .comparing((ExportRecord r) -> String.join("\u0000", r.quasiIdentifiers()))
            .thenComparing(ExportRecord::caseStatus);

    private Anonymiser() {}

    public static ExportResult anonymise(List<TipFacts> tips, int k, ZoneId zone) {
        if (k < 2) {
            throw new IllegalArgumentException("k must be at least 2, was " + k);
        }
        List<ExportRecord> consented = new ArrayList<>();
        long withoutConsent = 0;
        for (TipFacts tip : tips) {
            if (tip.statisticsConsent()) {
                consented.add(generalise(tip, zone));
            } else {
                withoutConsent++;
            }
        }
        Map<List<String>, Integer> groups = new HashMap<>();
        consented.forEach(r -> groups.merge(r.quasiIdentifiers(), 1, Integer::sum));
        List<ExportRecord> kept = new ArrayList<>();
        long suppressed = 0;
        for (ExportRecord r : consented) {
            if (groups.get(r.quasiIdentifiers()) >= k) {
                kept.add(r);
            } else {
                suppressed++;
            }
        }
        long smallGroups = groups.values().stream().filter(n -> n < k).count();
        kept.sort(BY_VALUES);
        return new ExportResult(kept, k, tips.size(), withoutConsent, suppressed, smallGroups);
    }

    static ExportRecord generalise(TipFacts tip, ZoneId zone) {
        ZonedDateTime at = tip.receivedAt().atZone(zone);
        Map<String, Object> f = tip.fields();
        return new ExportRecord(Generalisation.ageBroad(f), Generalisation.gender(f), Generalisation.citizenship(f),
                Generalisation.region(f), Generalisation.typeOfExploit(f), at.getYear(),
                "Q" + ((at.getMonthValue() - 1) / 3 + 1), Generalisation.caseStatus(tip.status()));
    }
}

package org.hotline.core.stats;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.hotline.core.audit.AuditEvent;
import org.hotline.core.audit.AuditLog;
import org.hotline.core.tip.Tip;
import org.hotline.core.tip.TipRepository;

/**
 * The researchers' export: reads only the category fields ({@code Generalisation.SOURCE_FIELDS}), the
 * statistics consent, receipt time and status of the tips in the filter, anonymises them ({@link Anonymiser}) and audits who exported what. Blocking (MongoDB).
 */
public final class ResearchExport {

    private final TipRepository store;
    private final StatsConfig config;
    private final AuditLog audit;

    public ResearchExport(TipRepository store, StatsConfig config, AuditLog audit) {
        this.store = store;
        this.config = config;
        this.audit = audit;
    }

    /** Exports for {@code actor} (a user id); the audit record names the filter, format and counts. */
    public ExportResult export(StatsFilter filter, String format, String actor) {
        List<TipFacts> tips = new ArrayList<>();
        for (Tip tip : store.receivedBetween(filter.start(config.zone()), filter.end(config.zone()), filter.region())) {
            tips.add(TipFacts.from(tip));
        }
        ExportResult result = Anonymiser.anonymise(tips, config.exportK(), config.zone());
        audit.record(new AuditEvent(actor, "stats.export", "tips:" + filter.from() + ".." + filter.to(), Map.of(
                "format", format,
                "region", filter.region().orElse("all"),
                "k", String.valueOf(result.k()),
                "exported", String.valueOf(result.records().size()),
                "suppressed", String.valueOf(result.suppressed()),
                "withoutConsent", String.valueOf(result.withoutConsent()))));
        return result;
    }
}

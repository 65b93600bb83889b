package org.hotline.core.stats;

import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Projections;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.hotline.core.audit.AuditEvent;
import org.hotline.core.audit.AuditLog;
import org.hotline.core.stats.internal.Generalisation;
import org.hotline.core.stats.internal.TipStatsQuery;

/**
 * The researchers' export: reads only the category fields ({@link Generalisation#SOURCE_FIELDS}), the
 * statistics consent, receipt time and status of the tips in the filter, anonymises them ({@link Anonymiser}) and audits who exported what. Blocking (MongoDB).
 */
public final class ResearchExport {

    private static final Bson PROJECTION = Projections.include(Stream.concat(
            Generalisation.SOURCE_FIELDS.stream().map(f -> "fields." + f),
            Stream.of("consents.statistics", "receivedAt", "status")).toList());

    private final MongoDatabase db;
    private final StatsConfig config;
    private final AuditLog audit;

    public ResearchExport(MongoDatabase db, StatsConfig config, AuditLog audit) {
        this.db = db;
        this.config = config;
        this.audit = audit;
    }

    /** Exports for {@code actor} (a user id); the audit record names the filter, format and counts. */
    public ExportResult export(StatsFilter filter, String format, String actor) {
        List<TipFacts> tips = new ArrayList<>();
        for (Document tip : db.getCollection("tips").find(TipStatsQuery.filter(filter, config.zone()))
                .projection(PROJECTION)) {
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

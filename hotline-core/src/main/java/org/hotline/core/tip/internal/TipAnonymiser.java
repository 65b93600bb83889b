package org.hotline.core.tip.internal;

import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.List;
import org.bson.Document;

/**
 * What is left of a tip after its retention period: an allow-list of statistics fields (exploitation type,
 * region, flags, victim count, language, outcome, status, month received, pathway and recipients), nothing
 * else. Keeping a list of what stays, rather than of what goes, means a field added later is purged by
 * default. When the caller refused statistical use, only status, month and the purge record remain.
 */
final class TipAnonymiser {

    static final List<String> STAT_FIELDS = List.of("exploitationType", "region", "childInvolved",
            "immediateDanger", "crossBorder", "victimCount", "language", "callerRole");
    private static final List<String> KEPT_TOP_LEVEL = List.of("_id", "reference", "status", "outcome", "source",
            "routed", "pathwayId", "pathwayVersion", "fallbackUsed", "recipients");

    private TipAnonymiser() {}

    static Document anonymise(Document tip, Instant now, String reason) {
        Document out = new Document();
        Date received = tip.getDate("receivedAt");
        YearMonth month = received == null ? null : YearMonth.from(received.toInstant().atZone(ZoneOffset.UTC));
        Document consents = tip.get("consents", Document.class);
        boolean statistics = consents == null || !Boolean.FALSE.equals(consents.get("statistics"));
        if (statistics) {
            KEPT_TOP_LEVEL.forEach(k -> {
                if (tip.containsKey(k)) {
                    out.put(k, tip.get(k));
                }
            });
            Document fields = tip.get("fields", Document.class);
            Document kept = new Document();
            if (fields != null) {
                STAT_FIELDS.forEach(f -> {
                    if (fields.get(f) != null) {
                        kept.put(f, fields.get(f));
                    }
                });
            }
            out.put("fields", kept);
        } else {
            out.put("_id", tip.get("_id"));
            out.put("reference", tip.get("reference"));
            out.put("status", tip.get("status"));
            out.put("fields", new Document());
        }
        if (month != null) {
            // the exact time could help re-identify a caller; the month is enough for statistics
            out.put("receivedAt", Date.from(month.atDay(1).atStartOfDay().toInstant(ZoneOffset.UTC)));
            out.put("statsMonth", month.toString());
        }
        out.put("routed", true);
        out.put("legalHold", false);
        out.put("purgedAt", Date.from(now));
        out.put("purgeReason", reason);
        return out;
    }
}

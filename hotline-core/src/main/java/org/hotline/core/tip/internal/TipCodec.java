package org.hotline.core.tip.internal;

import java.time.Instant;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.hotline.core.tip.Tip;
import org.hotline.core.tip.TipStatus;

/** The stored layout of a tip, read into a {@link Tip} (from a document whose personal values are opened). */
final class TipCodec {

    private TipCodec() {}

    static Tip tip(Document d) {
        Document fields = d.get("fields", Document.class);
        Map<String, Boolean> consents = new LinkedHashMap<>();
        Document given = d.get("consents", Document.class);
        if (given != null) {
            given.forEach((purpose, value) -> {
                if (value instanceof Boolean b) {
                    consents.put(purpose, b);
                }
            });
        }
        List<Tip.RoutedTo> recipients = d.getList("recipients", Document.class, List.of()).stream()
                .map(r -> new Tip.RoutedTo(r.getString("agencyId"), r.getString("profile"), r.getString("priority"),
                        r.getList("matchedRules", String.class, List.of())))
                .toList();
        return new Tip(d.getString("_id"), d.getString("reference"), instant(d.getDate("receivedAt")),
                d.getString("source"), d.getString("outcome"), TipStatus.of(d.getString("status")),
                fields == null ? Map.of() : fields, consents, text(d.get("callerNumber")), text(d.get("recording")),
                Boolean.TRUE.equals(d.getBoolean("callbackEffective")), Boolean.TRUE.equals(d.getBoolean("legalHold")),
                d.get("purgedAt") != null, d.getString("lastNode"), d.getString("routingNote"),
                d.getString("pathwayVersion"), recipients, d.getString("flowVersion"), afterHours(d),
                text(d.get("dangerCallerNumber")));
    }

    private static Tip.AfterHoursCare afterHours(Document d) {
        Document care = d.get("afterHours", Document.class);
        return care == null ? null : new Tip.AfterHoursCare(instant(care.getDate("reviewDue")),
                care.getList("reasons", String.class, List.of()), instant(care.getDate("callbackAfter")));
    }

    static Document recipient(Tip.RoutedTo r) {
        return new Document("agencyId", r.agencyId()).append("profile", r.profile()).append("priority", r.priority())
                .append("matchedRules", r.matchedRules());
    }

    private static String text(Object value) {
        return value instanceof String s && !s.isEmpty() ? s : null;
    }

    private static Instant instant(Date date) {
        return date == null ? null : date.toInstant();
    }
}

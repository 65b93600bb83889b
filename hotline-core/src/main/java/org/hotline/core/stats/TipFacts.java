package org.hotline.core.stats;

import java.time.Instant;
import java.util.Map;
import org.bson.Document;

/**
 * What the export reads from one stored tip: its category fields, whether the caller consented to statistical
 * use, when it came in and its status. Nothing else of the tip is ever read by the export.
 */
public record TipFacts(Map<String, Object> fields, boolean statisticsConsent, Instant receivedAt, String status) {

    public TipFacts {
        fields = Map.copyOf(fields.entrySet().stream().filter(e -> e.getValue() != null)
                .collect(java.util.stream.Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue)));
    }

    /** Reads a tip document; consent counts only when {@code consents.statistics} is exactly {@code true}. */
    public static TipFacts from(Document tip) {
        Document fields = tip.get("fields", Document.class);
        Document consents = tip.get("consents", Document.class);
        boolean consent = consents != null && Boolean.TRUE.equals(consents.get("statistics"));
        return new TipFacts(fields == null ? Map.of() : fields, consent, tip.getDate("receivedAt").toInstant(),
                tip.getString("status"));
    }
}

package org.hotline.core.stats;

import java.time.Instant;
import java.util.Map;
import org.hotline.core.tip.Tip;

/**
 * What the export reads from one stored tip: its category fields, whether the caller consented to statistical
 * use, when it came in and its status. Nothing else of the tip is ever read by the export.
 */
public record TipFacts(Map<String, Object> fields, boolean statisticsConsent, Instant receivedAt, String status) {

    public TipFacts {
        fields = Map.copyOf(fields.entrySet().stream().filter(e -> e.getValue() != null)
                .collect(java.util.stream.Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue)));
    }

    /** Reads a stored tip; consent counts only when {@code statistics} is exactly {@code true}. */
    public static TipFacts from(Tip tip) {
        return new TipFacts(tip.fields(), Boolean.TRUE.equals(tip.consents().get("statistics")), tip.receivedAt(),
                tip.status().name());
    }
}

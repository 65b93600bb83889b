package org.hotline.core.audit;

import java.util.Map;

/**
 * One audited action: who ({@code actor}: a user id, {@code ivr}, {@code system}), what ({@code action}, e.g.
 * {@code tip.read}, {@code pathway.approve}, {@code access.denied}), on what ({@code target}, e.g. a tip
 * reference or pathway version) and small non-personal {@code details}. The log is kept for good (the retention
 * purge never touches it), so free text (reasons, notes) never goes into {@code details}: record {@link #given}.
 */
public record AuditEvent(String actor, String action, String target, Map<String, String> details) {

    public AuditEvent {
        details = details == null ? Map.of() : Map.copyOf(details);
    }

    /**
     * What the audit log keeps of a free-text reason or note: {@code "given"} or {@code "none"}, never the text,
     * which may name a victim and stays (encrypted, purged with its tip) where its feature stores it.
     */
    public static String given(String freeText) {
        return freeText == null || freeText.isBlank() ? "none" : "given";
    }

    public static AuditEvent of(String actor, String action, String target) {
        return new AuditEvent(actor, action, target, Map.of());
    }
}

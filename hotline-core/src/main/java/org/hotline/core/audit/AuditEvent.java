package org.hotline.core.audit;

import java.util.Map;

/**
 * One audited action: who ({@code actor}: a user id, {@code ivr}, {@code system}), what ({@code action}, e.g.
 * {@code tip.read}, {@code pathway.approve}, {@code access.denied}), on what ({@code target}, e.g. a tip
 * reference or pathway version) and small non-personal {@code details}.
 */
public record AuditEvent(String actor, String action, String target, Map<String, String> details) {

    public AuditEvent {
        details = details == null ? Map.of() : Map.copyOf(details);
    }

    public static AuditEvent of(String actor, String action, String target) {
        return new AuditEvent(actor, action, target, Map.of());
    }
}

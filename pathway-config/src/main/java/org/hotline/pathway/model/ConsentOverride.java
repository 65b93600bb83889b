package org.hotline.pathway.model;

import java.util.List;

/**
 * Lets a rule share consent-gated {@code fields} without the consent when the tip has a child involved
 * ({@code when = child_involved}) or someone in immediate danger ({@code when = immediate_danger}).
 * Every use is reported with the rule id and {@code reason} so it can be audited.
 */
public record ConsentOverride(String when, List<String> fields, String reason) {

    public static final String CHILD_INVOLVED = "child_involved";
    public static final String IMMEDIATE_DANGER = "immediate_danger";

    public ConsentOverride {
        fields = List.copyOf(fields);
    }
}

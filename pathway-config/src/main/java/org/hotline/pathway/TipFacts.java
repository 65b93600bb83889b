package org.hotline.pathway;

import java.util.Set;

/**
 * The facts about a tip that pathway rules may test. Values use the pathway's own vocabulary:
 * exploitation types as HTCDS-style codes ({@code forced_labour}, {@code sexual_exploitation}, ...),
 * regions as the pathway's region codes, consents as purpose codes ({@code share_identity_police}, ...).
 * Unknown or not-yet-captured values are {@code null}; evaluation must cope with partial tips.
 */
public record TipFacts(
        String exploitationType,
        String region,
        boolean childInvolved,
        boolean immediateDanger,
        String victimNationality,
        boolean crossBorder,
        String callerRole,
        Set<String> consents) {

    public TipFacts {
        consents = consents == null ? Set.of() : Set.copyOf(consents);
    }
}

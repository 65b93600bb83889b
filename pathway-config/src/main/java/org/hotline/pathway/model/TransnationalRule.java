package org.hotline.pathway.model;

import java.util.List;

/**
 * A transnational referral (after the SEE Transnational Referral Mechanism): a victim of one of
 * {@code nationalities} (ISO 3166 alpha-2) is referred to a counterpart agency abroad with a minimal profile,
 * only when the caller gave the {@code requiresConsent} purpose (if set).
 */
public record TransnationalRule(
        String id, String description, List<String> nationalities, Referral referral, String requiresConsent) {

    public TransnationalRule {
        nationalities = List.copyOf(nationalities);
    }

    /** The equivalent ordinary rule, so one matcher evaluates both kinds. */
    public Rule asRule() {
        var consents = requiresConsent == null ? null : List.of(requiresConsent);
        var when = new Conditions(null, null, null, null, nationalities, null, consents, null);
        return new Rule(id, description, when, List.of(referral), null);
    }
}

package org.hotline.pathway;

import java.util.List;
import org.hotline.pathway.model.Profile;

/**
 * Who receives something about a case, and on what terms: the agency, the data-sharing profiles whose fields
 * it may see (a field goes if any of them lists it), and the rules whose consent overrides may release a
 * consent-gated field to it. Built by the pathway only ({@link Pathway#audienceOf}, {@link Pathway#handoverAudience}),
 * so an override can only come from a rule that names the agency.
 */
public record Audience(String agencyId, List<Profile> profiles, List<String> overrideRules) {

    public Audience {
        profiles = List.copyOf(profiles);
        overrideRules = List.copyOf(overrideRules);
    }

    /** Names of the profiles, joined with {@code +} (how referrals and the audit name them). */
    public String profileName() {
        return profiles.isEmpty() ? "none" : String.join("+", profiles.stream().map(Profile::id).toList());
    }
}

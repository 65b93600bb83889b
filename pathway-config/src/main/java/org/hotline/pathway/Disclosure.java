package org.hotline.pathway;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What one recipient may be sent for one tip, and why: the {@code payload} (only profile fields, in
 * canonical order), the consent-gated fields that had a value but were {@code withheld}, and every consent
 * {@code override} that released a field without consent (to be written to the audit log).
 */
public record Disclosure(Map<String, Object> payload, List<String> withheld, List<AppliedOverride> overrides) {

    public Disclosure {
        payload = Collections.unmodifiableMap(new LinkedHashMap<>(payload));
        withheld = List.copyOf(withheld);
        overrides = List.copyOf(overrides);
    }

    /**
     * A consent-gated field shared without its consent because rule {@code ruleId} declared an override.
     *
     * @param condition {@code child_involved} or {@code immediate_danger}
     * @param consentPurpose the purpose that was not given
     */
    public record AppliedOverride(String ruleId, String field, String consentPurpose, String condition, String reason) {}
}

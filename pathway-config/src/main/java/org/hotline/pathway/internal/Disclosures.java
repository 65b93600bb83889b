package org.hotline.pathway.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.hotline.pathway.Disclosure.AppliedOverride;
import org.hotline.pathway.Disclosure;
import org.hotline.pathway.Recipient;
import org.hotline.pathway.TipFields;
import org.hotline.pathway.model.ConsentOverride;

/**
 * Minimum-necessary payloads. A field goes to a recipient only if one of its profiles lists it; a field a
 * profile gates behind a consent purpose goes only if the caller gave that purpose, or a matched rule's
 * consent override covers the field and its condition (child involved / immediate danger) holds for the tip.
 */
final class Disclosures {

    private final Map<String, CompiledRule> rulesById;
    private final Map<String, Integer> agencyIndex;

    Disclosures(Map<String, CompiledRule> rulesById, Map<String, Integer> agencyIndex) {
        this.rulesById = rulesById;
        this.agencyIndex = agencyIndex;
    }

    Disclosure disclose(Recipient recipient, Map<String, ?> tip) {
        var actions = CompiledPathway.actionsFor(rulesById, agencyIndex, recipient);
        if (actions.isEmpty()) {
            throw new IllegalArgumentException("recipient " + recipient.agencyId() + " with rules "
                    + recipient.matchedRules() + " was not routed by this pathway version");
        }
        Set<String> consents = TipFields.consents(tip.get(TipFields.CONSENTS));
        var payload = new LinkedHashMap<String, Object>();
        var withheld = new ArrayList<String>();
        var overrides = new ArrayList<AppliedOverride>();
        for (String field : TipFields.ALL) {
            var value = tip.get(field);
            if (value == null || actions.stream().noneMatch(a -> a.fields().contains(field))) {
                continue;
            }
            var purposes = actions.stream().map(a -> a.profile().requiresConsent().get(field))
                    .filter(Objects::nonNull).distinct().toList();
            if (purposes.isEmpty() || purposes.stream().anyMatch(consents::contains)) {
                payload.put(field, value);
                continue;
            }
            var override = override(recipient, field, purposes.getFirst(), tip);
            if (override == null) {
                withheld.add(field);
            } else {
                payload.put(field, value);
                overrides.add(override);
            }
        }
        return new Disclosure(payload, withheld, overrides);
    }

    private AppliedOverride override(Recipient recipient, String field, String purpose, Map<String, ?> tip) {
        for (var ruleId : recipient.matchedRules()) {
            var rule = rulesById.get(ruleId);
            var o = rule == null ? null : rule.consentOverride();
            if (o != null && o.fields().contains(field) && holds(o, tip)) {
                return new AppliedOverride(ruleId, field, purpose, o.when(), o.reason());
            }
        }
        return null;
    }

    private static boolean holds(ConsentOverride o, Map<String, ?> tip) {
        return switch (o.when()) {
            case ConsentOverride.CHILD_INVOLVED -> TipFields.isTrue(tip.get("childInvolved"));
            case ConsentOverride.IMMEDIATE_DANGER -> TipFields.isTrue(tip.get("immediateDanger"));
            default -> false;
        };
    }
}

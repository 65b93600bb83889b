package org.hotline.pathway.internal;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.hotline.pathway.Audience;
import org.hotline.pathway.Disclosure.AppliedOverride;
import org.hotline.pathway.Disclosure;
import org.hotline.pathway.Recipient;
import org.hotline.pathway.TipFields;
import org.hotline.pathway.model.ConsentOverride;
import org.hotline.pathway.model.Profile;

/**
 * Minimum-necessary payloads. A field goes to an audience only if one of its profiles lists it; a field a
 * profile gates behind a consent purpose goes only if the caller gave that purpose, or one of the audience's
 * override rules covers the field and its condition (child involved / immediate danger) holds for the tip.
 */
final class Disclosures {

    private final Map<String, CompiledRule> rulesById;
    private final Map<String, Integer> agencyIndex;

    Disclosures(Map<String, CompiledRule> rulesById, Map<String, Integer> agencyIndex) {
        this.rulesById = rulesById;
        this.agencyIndex = agencyIndex;
    }

    Audience audienceOf(Recipient recipient) {
        var actions = CompiledPathway.actionsFor(rulesById, agencyIndex, recipient);
        if (actions.isEmpty()) {
            throw new IllegalArgumentException("recipient " + recipient.agencyId() + " with rules "
                    + recipient.matchedRules() + " was not routed by this pathway version");
        }
        return new Audience(recipient.agencyId(), actions.stream().map(CompiledRule.Action::profile).toList(),
                recipient.matchedRules());
    }

    Audience handoverAudience(String agencyId, Collection<String> caseRules) {
        Integer index = agencyIndex.get(agencyId);
        if (index == null) {
            throw new IllegalArgumentException("agency " + agencyId + " is not in this pathway's directory");
        }
        var profiles = new LinkedHashMap<String, Profile>();
        for (CompiledRule rule : rulesById.values()) {
            rule.actions().stream().filter(a -> a.agency() == index).forEach(a -> profiles.put(a.profile().id(), a.profile()));
        }
        var overrideRules = caseRules.stream().filter(id -> names(rulesById.get(id), agencyId)).distinct().toList();
        return new Audience(agencyId, profiles.isEmpty() ? List.of() : List.of(narrowest(profiles.values())),
                overrideRules);
    }

    Disclosure disclose(Audience audience, Map<String, ?> tip) {
        Set<String> consents = TipFields.consents(tip.get(TipFields.CONSENTS));
        // computed once per audience, not per field: routing runs this for every recipient of every tip
        Set<String> listed = new java.util.HashSet<>();
        Map<String, List<String>> gates = new java.util.HashMap<>();
        for (Profile p : audience.profiles()) {
            listed.addAll(p.fields());
            listed.addAll(p.requiresConsent().keySet());
            p.requiresConsent().forEach((field, purpose) -> {
                List<String> purposes = gates.computeIfAbsent(field, f -> new ArrayList<>());
                if (!purposes.contains(purpose)) {
                    purposes.add(purpose);
                }
            });
        }
        var payload = new LinkedHashMap<String, Object>();
        var withheld = new ArrayList<String>();
        var overrides = new ArrayList<AppliedOverride>();
        for (String field : TipFields.ALL) {
            var value = tip.get(field);
            if (value == null || !listed.contains(field)) {
                continue;
            }
            List<String> purposes = gates.getOrDefault(field, List.of());
            if (purposes.isEmpty() || purposes.stream().anyMatch(consents::contains)) {
                payload.put(field, value);
                continue;
            }
            var override = override(audience, field, purposes.getFirst(), tip);
            if (override == null) {
                withheld.add(field);
            } else {
                payload.put(field, value);
                overrides.add(override);
            }
        }
        return new Disclosure(payload, withheld, overrides);
    }

    /** Whether {@code rule} refers cases to the agency or names it in one of its escalation chains. */
    private boolean names(CompiledRule rule, String agencyId) {
        if (rule == null) {
            return false;
        }
        Integer index = agencyIndex.get(agencyId);
        return rule.actions().stream().anyMatch(a -> Objects.equals(a.agency(), index) || a.escalation().contains(agencyId));
    }

    /** One profile with the fields every profile lists, each gated by the first consent any of them asks. */
    private static Profile narrowest(Collection<Profile> profiles) {
        if (profiles.size() == 1) {
            return profiles.iterator().next();
        }
        var first = profiles.iterator().next();
        var fields = new LinkedHashSet<>(first.allFields());
        profiles.forEach(p -> fields.retainAll(p.allFields()));
        var gates = new LinkedHashMap<String, String>();
        for (Profile p : profiles) {
            p.requiresConsent().forEach((field, purpose) -> {
                if (fields.contains(field)) {
                    gates.putIfAbsent(field, purpose);
                }
            });
        }
        var open = fields.stream().filter(f -> !gates.containsKey(f)).toList();
        var name = String.join("&", profiles.stream().map(Profile::id).toList());
        return new Profile(name, "narrowest of " + name, open, gates);
    }

    private AppliedOverride override(Audience audience, String field, String purpose, Map<String, ?> tip) {
        for (var ruleId : audience.overrideRules()) {
            var rule = rulesById.get(ruleId);
            var o = rule == null ? null : rule.consentOverride();
            if (o != null && o.fields().contains(field) && holds(o, tip) && names(rule, audience.agencyId())) {
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

package org.hotline.pathway.internal;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.hotline.pathway.Agency;
import org.hotline.pathway.Audience;
import org.hotline.pathway.Disclosure;
import org.hotline.pathway.Pathway;
import org.hotline.pathway.Recipient;
import org.hotline.pathway.Routing;
import org.hotline.pathway.TipFacts;
import org.hotline.pathway.model.AgencyEntry;
import org.hotline.pathway.model.PathwayDefinition;
import org.hotline.pathway.model.Profile;
import org.hotline.pathway.model.Referral;
import org.hotline.pathway.model.Rule;

/**
 * A pathway version compiled for evaluation: references resolved to positions, defaults applied and rule
 * conditions turned into a {@link RuleMatcher}. Built once per version from a definition that passed lint.
 */
public final class CompiledPathway implements Pathway {

    /** The rule id recipients carry when only the fallback matched. */
    public static final String FALLBACK_RULE = "fallback";

    private final PathwayDefinition definition;
    private final List<Agency> agencies;
    private final Map<String, Integer> agencyIndex = new HashMap<>();
    private final List<CompiledRule> rules = new ArrayList<>();
    private final Map<String, CompiledRule> rulesById = new HashMap<>();
    private final CompiledRule fallback;
    private final RuleMatcher matcher;
    private final Map<String, String> keypad = new LinkedHashMap<>();
    private final Disclosures disclosures;

    public CompiledPathway(PathwayDefinition definition) {
        this.definition = definition;
        this.agencies = definition.agencies().stream().map(AgencyEntry::agency).toList();
        for (int i = 0; i < agencies.size(); i++) {
            agencyIndex.put(agencies.get(i).id(), i);
        }
        var all = definition.allRules();
        for (Rule rule : all) {
            var compiled = new CompiledRule(rule.id(), rule.refer().stream().map(this::action).toList(),
                    rule.consentOverride());
            rules.add(compiled);
            rulesById.put(rule.id(), compiled);
        }
        this.fallback = new CompiledRule(FALLBACK_RULE, List.of(action(definition.fallback())), null);
        rulesById.put(FALLBACK_RULE, fallback);
        this.matcher = new RuleMatcher(all.stream().map(Rule::when).toList());
        definition.regions().forEach(r -> keypad.put(r.keypad(), r.code()));
        this.disclosures = new Disclosures(rulesById, agencyIndex);
    }

    private CompiledRule.Action action(Referral referral) {
        var defaults = definition.defaults();
        return new CompiledRule.Action(
                agencyIndex.get(referral.agency()),
                profile(referral.profile()),
                referral.priority() != null ? referral.priority() : defaults.priority(),
                referral.acknowledgeWithin() != null ? referral.acknowledgeWithin() : defaults.acknowledgeWithin(),
                referral.escalation() != null ? referral.escalation() : derivedEscalation(referral.agency()));
    }

    private Profile profile(String id) {
        return definition.profile(id).orElseThrow(() -> new IllegalStateException("unknown profile " + id));
    }

    /** Follows {@code escalates_to} from the agency; the linter has ruled out cycles. Ends at the supervisor. */
    private List<String> derivedEscalation(String agencyId) {
        var chain = new ArrayList<String>();
        var next = definition.agency(agencyId).map(AgencyEntry::escalatesTo).orElse(null);
        while (next != null && !chain.contains(next)) {
            chain.add(next);
            var current = next;
            next = definition.agency(current).map(AgencyEntry::escalatesTo).orElse(null);
        }
        if (chain.isEmpty()) {
            chain.add("supervisor");
        }
        return chain;
    }

    @Override
    public String id() {
        return definition.header().id();
    }

    @Override
    public String version() {
        return definition.header().version();
    }

    @Override
    public Routing route(TipFacts facts) {
        int[] matched = matcher.match(facts);
        var merge = new RecipientMerge(agencies);
        for (int r : matched) {
            var rule = rules.get(r);
            rule.actions().forEach(a -> merge.add(rule.id(), a));
        }
        boolean fallbackUsed = matched.length == 0;
        if (fallbackUsed) {
            fallback.actions().forEach(a -> merge.add(FALLBACK_RULE, a));
        }
        return new Routing(id(), version(), merge.recipients(), fallbackUsed);
    }

    @Override
    public Map<String, Object> payloadFor(Recipient recipient, Map<String, Object> tipFields) {
        return disclose(recipient, tipFields).payload();
    }

    @Override
    public Disclosure disclose(Recipient recipient, Map<String, ?> tipFields) {
        return disclosures.disclose(disclosures.audienceOf(recipient), tipFields);
    }

    @Override
    public Audience audienceOf(Recipient recipient) {
        return disclosures.audienceOf(recipient);
    }

    @Override
    public Audience handoverAudience(String agencyId, java.util.Collection<String> caseRules) {
        return disclosures.handoverAudience(agencyId, caseRules);
    }

    @Override
    public Disclosure disclose(Audience audience, Map<String, ?> tipFields) {
        return disclosures.disclose(audience, tipFields);
    }

    @Override
    public Map<String, String> regionKeypad() {
        return Collections.unmodifiableMap(keypad);
    }

    @Override
    public List<String> exploitationTypes() {
        return definition.exploitationTypes();
    }

    @Override
    public Optional<Agency> agency(String agencyId) {
        var i = agencyIndex.get(agencyId);
        return i == null ? Optional.empty() : Optional.of(agencies.get(i));
    }

    @Override
    public List<Agency> agencies() {
        return agencies;
    }

    @Override
    public PathwayDefinition definition() {
        return definition;
    }

    /** The referrals (one per distinct profile) that put this recipient's agency in the routing. */
    static List<CompiledRule.Action> actionsFor(Map<String, CompiledRule> rulesById, Map<String, Integer> agencyIndex,
            Recipient recipient) {
        var index = agencyIndex.get(recipient.agencyId());
        var out = new ArrayList<CompiledRule.Action>();
        var profiles = new HashSet<String>();
        for (var ruleId : recipient.matchedRules()) {
            var rule = rulesById.get(ruleId);
            if (rule != null && index != null) {
                rule.actions().stream().filter(a -> a.agency() == index && profiles.add(a.profile().id()))
                        .forEach(out::add);
            }
        }
        return out;
    }
}

package org.hotline.pathway.internal;

import static org.hotline.pathway.ProblemCodes.AGENCY_OUTSIDE_SERVICE_AREA;
import static org.hotline.pathway.ProblemCodes.CHILD_RULE_WITHOUT_CHILD_PROTECTION;
import static org.hotline.pathway.ProblemCodes.CHILD_RULE_WITHOUT_DEADLINE;
import static org.hotline.pathway.ProblemCodes.DANGER_RULE_WITHOUT_DEADLINE;
import static org.hotline.pathway.ProblemCodes.ESCALATION_CYCLE;
import static org.hotline.pathway.ProblemCodes.RULE_NEVER_MATCHES;
import static org.hotline.pathway.ProblemCodes.RULE_SHADOWED;
import static org.hotline.pathway.ProblemCodes.TRANSNATIONAL_AGENCY_KIND;
import static org.hotline.pathway.ProblemCodes.TRANSNATIONAL_OWN_COUNTRY;
import static org.hotline.pathway.ProblemCodes.UNKNOWN_AGENCY;
import static org.hotline.pathway.ProblemCodes.UNKNOWN_CALLER_ROLE;
import static org.hotline.pathway.ProblemCodes.UNKNOWN_CONSENT_PURPOSE;
import static org.hotline.pathway.ProblemCodes.UNKNOWN_EXPLOITATION_TYPE;
import static org.hotline.pathway.ProblemCodes.UNKNOWN_FIELD;
import static org.hotline.pathway.ProblemCodes.UNKNOWN_PROFILE;
import static org.hotline.pathway.ProblemCodes.UNKNOWN_REGION;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import org.hotline.pathway.TipFields;
import org.hotline.pathway.model.Conditions;
import org.hotline.pathway.model.PathwayDefinition;
import org.hotline.pathway.model.Referral;
import org.hotline.pathway.model.Rule;

/** Checks of rules, transnational rules and the fallback: references, reachability, deadlines, safeguards. */
final class RuleLint {

    /** The agency kind that provides child protection. */
    static final String CHILD_PROTECTION_KIND = "social_welfare";

    private final PathwayDefinition def;
    private final Problems problems;

    RuleLint(PathwayDefinition def, Problems problems) {
        this.def = def;
        this.problems = problems;
    }

    void run() {
        for (int i = 0; i < def.rules().size(); i++) {
            rule(def.rules().get(i), "rules[" + i + "]");
        }
        for (int i = 0; i < def.transnational().size(); i++) {
            transnational(i);
        }
        if (def.fallback() != null) {
            referral(def.fallback(), "fallback");
        }
        shadowing();
    }

    private void rule(Rule rule, String path) {
        conditions(rule.when(), path + ".when");
        var when = rule.when();
        boolean danger = Boolean.TRUE.equals(when.immediateDanger());
        boolean child = Boolean.TRUE.equals(when.childInvolved());
        for (int k = 0; k < rule.refer().size(); k++) {
            var ref = rule.refer().get(k);
            var refPath = path + ".refer[" + k + "]";
            referral(ref, refPath);
            boolean noDeadline = ref.acknowledgeWithin() == null && !problems.present(refPath + ".acknowledge_within");
            if (noDeadline && (danger || child)) {
                problems.at(refPath, danger ? DANGER_RULE_WITHOUT_DEADLINE : CHILD_RULE_WITHOUT_DEADLINE,
                        "rule '" + rule.id() + "' is for " + (danger ? "immediate danger" : "a child")
                                + " and must set acknowledge_within for agency '" + ref.agency() + "'");
            }
            serviceArea(ref, when, refPath);
        }
        if (child && rule.refer().stream().noneMatch(r -> isKind(r.agency(), CHILD_PROTECTION_KIND))) {
            problems.at(path + ".refer", CHILD_RULE_WITHOUT_CHILD_PROTECTION, "rule '" + rule.id()
                    + "' concerns a child but refers to no social_welfare (child protection) agency");
        }
        var override = rule.consentOverride();
        if (override != null) {
            for (int f = 0; f < override.fields().size(); f++) {
                if (!TipFields.ALL.contains(override.fields().get(f))) {
                    problems.at(path + ".consent_override.fields[" + f + "]", UNKNOWN_FIELD,
                            DirectoryLint.unknownField(override.fields().get(f)));
                }
            }
        }
    }

    private void conditions(Conditions c, String path) {
        values(c.exploitationTypes(), path + ".exploitation_type", def.exploitationTypes(),
                UNKNOWN_EXPLOITATION_TYPE, "exploitation type, not listed in exploitation_types");
        var regions = def.regions().stream().map(r -> r.code()).toList();
        values(c.regions(), path + ".region", regions, UNKNOWN_REGION, "region code");
        values(c.consents(), path + ".consent", TipFields.CONSENT_PURPOSES, UNKNOWN_CONSENT_PURPOSE,
                "consent purpose");
        values(c.callerRoles(), path + ".caller_role", TipFields.CALLER_ROLES, UNKNOWN_CALLER_ROLE,
                "caller role (the IVR and intake set only " + TipFields.CALLER_ROLES + "), so the rule would never fire");
        for (var empty : List.of(
                new Object[] {c.exploitationTypes(), "exploitation_type"}, new Object[] {c.regions(), "region"},
                new Object[] {c.victimNationalities(), "victim_nationality"},
                new Object[] {c.callerRoles(), "caller_role"})) {
            if (empty[0] instanceof List<?> list && list.isEmpty()) {
                problems.at(path + "." + empty[1], RULE_NEVER_MATCHES, empty[1] + " is an empty list: no tip can match");
            }
        }
        // Child labour always involves a child, so a rule for child labour among adults only is dead.
        if (c.exploitationTypes() != null && !c.exploitationTypes().isEmpty()
                && c.exploitationTypes().stream().allMatch("child_labour"::equals)
                && Boolean.FALSE.equals(c.childInvolved())) {
            problems.at(path + ".child_involved", RULE_NEVER_MATCHES,
                    "child_labour with child_involved: false contradicts itself: no tip can match");
        }
    }

    /** Each value not in {@code known}, at its own line when it is a list item, with the value it may have meant. */
    private void values(List<String> values, String path, List<String> known, String code, String what) {
        if (values == null) {
            return;
        }
        for (int i = 0; i < values.size(); i++) {
            String v = values.get(i);
            if (!known.contains(v)) {
                problems.at(values.size() == 1 ? path : path + "[" + i + "]", code, "'" + v + "' is not a known " + what
                        + DidYouMean.hint(v, known));
            }
        }
    }

    private List<String> agencyIds() {
        return def.agencies().stream().map(a -> a.id()).toList();
    }

    private void referral(Referral ref, String path) {
        if (ref.agency() != null && def.agency(ref.agency()).isEmpty()) {
            problems.at(path + ".agency", UNKNOWN_AGENCY, "unknown agency '" + ref.agency() + "'"
                    + DidYouMean.hint(ref.agency(), agencyIds()));
        }
        if (ref.profile() != null && def.profile(ref.profile()).isEmpty()) {
            problems.at(path + ".profile", UNKNOWN_PROFILE, "unknown profile '" + ref.profile() + "'"
                    + DidYouMean.hint(ref.profile(), def.profiles().stream().map(p -> p.id()).toList()));
        }
        if (ref.escalation() == null) {
            return;
        }
        var seen = new HashSet<String>();
        seen.add(ref.agency());
        for (int e = 0; e < ref.escalation().size(); e++) {
            var step = ref.escalation().get(e);
            var stepPath = path + ".escalation[" + e + "]";
            if (!DirectoryLint.ESCALATION_WORDS.contains(step) && def.agency(step).isEmpty()) {
                problems.at(stepPath, UNKNOWN_AGENCY, "escalation names unknown agency '" + step
                        + "' (or use supervisor / national_coordinator)" + DidYouMean.hint(step, agencyIds()));
            } else if (!seen.add(step)) {
                problems.at(stepPath, ESCALATION_CYCLE, "escalation returns to '" + step
                        + "', which is already in the chain");
            }
        }
    }

    private void serviceArea(Referral ref, Conditions when, String path) {
        var agency = ref.agency() == null ? null : def.agency(ref.agency()).orElse(null);
        if (agency == null || when.regions() == null || agency.agency().serviceAreas().contains("national")) {
            return;
        }
        var outside = when.regions().stream().filter(r -> !agency.agency().serviceAreas().contains(r)).toList();
        if (!outside.isEmpty()) {
            problems.at(path + ".agency", AGENCY_OUTSIDE_SERVICE_AREA, "agency '" + agency.id()
                    + "' does not serve " + outside + " (service_areas " + agency.agency().serviceAreas() + ")");
        }
    }

    private void transnational(int i) {
        var t = def.transnational().get(i);
        var path = "transnational[" + i + "]";
        referral(t.referral(), path);
        var country = def.header() == null ? null : def.header().country();
        if (country != null && t.nationalities().contains(country)) {
            problems.at(path + ".victim_nationality", TRANSNATIONAL_OWN_COUNTRY, "a transnational referral cannot"
                    + " be for the pathway's own country " + country);
        }
        if (t.referral().agency() != null && def.agency(t.referral().agency()).isPresent()
                && !isKind(t.referral().agency(), "foreign_counterpart")) {
            problems.at(path + ".agency", TRANSNATIONAL_AGENCY_KIND, "agency '" + t.referral().agency()
                    + "' is not of kind foreign_counterpart");
        }
        if (t.requiresConsent() != null && !TipFields.CONSENT_PURPOSES.contains(t.requiresConsent())) {
            problems.at(path + ".requires_consent", UNKNOWN_CONSENT_PURPOSE,
                    DirectoryLint.unknownPurpose(t.requiresConsent()));
        }
    }

    private boolean isKind(String agencyId, String kind) {
        return agencyId != null && def.agency(agencyId).map(a -> kind.equals(a.agency().kind())).orElse(false);
    }

    /** A later rule is shadowed when one earlier rule matches every tip it matches and makes its referrals. */
    private void shadowing() {
        var rules = def.rules();
        for (int j = 0; j < rules.size(); j++) {
            for (int i = 0; i < j; i++) {
                if (Subsumption.covers(rules.get(i).when(), rules.get(j).when())
                        && referralsCovered(rules.get(i), rules.get(j))) {
                    problems.at("rules[" + j + "].id", RULE_SHADOWED, "rule '" + rules.get(j).id()
                            + "' adds nothing: earlier rule '" + rules.get(i).id()
                            + "' matches every tip it matches and makes the same referrals");
                    break;
                }
            }
        }
    }

    private static boolean referralsCovered(Rule earlier, Rule later) {
        return later.refer().stream().allMatch(l -> earlier.refer().stream().anyMatch(e ->
                Objects.equals(e.agency(), l.agency()) && Objects.equals(e.profile(), l.profile())
                        && e.priority() == l.priority()
                        && Objects.equals(e.acknowledgeWithin(), l.acknowledgeWithin())))
                && (later.consentOverride() == null || later.consentOverride().equals(earlier.consentOverride()));
    }
}

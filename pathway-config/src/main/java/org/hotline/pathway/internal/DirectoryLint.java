package org.hotline.pathway.internal;

import static org.hotline.pathway.ProblemCodes.AGENCY_NO_CHANNEL;
import static org.hotline.pathway.ProblemCodes.DUPLICATE_ID;
import static org.hotline.pathway.ProblemCodes.DUPLICATE_KEYPAD;
import static org.hotline.pathway.ProblemCodes.ESCALATION_CYCLE;
import static org.hotline.pathway.ProblemCodes.UNGATED_IDENTITY_FIELD;
import static org.hotline.pathway.ProblemCodes.UNKNOWN_AGENCY;
import static org.hotline.pathway.ProblemCodes.UNKNOWN_CONSENT_PURPOSE;
import static org.hotline.pathway.ProblemCodes.UNKNOWN_EXPLOITATION_TYPE;
import static org.hotline.pathway.ProblemCodes.UNKNOWN_FIELD;
import static org.hotline.pathway.ProblemCodes.UNKNOWN_REGION;
import static org.hotline.pathway.ProblemCodes.UNUSED_AGENCY;
import static org.hotline.pathway.ProblemCodes.UNUSED_PROFILE;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import org.hotline.pathway.TipFields;
import org.hotline.pathway.model.AgencyEntry;
import org.hotline.pathway.model.PathwayDefinition;
import org.hotline.pathway.model.Referral;
import org.hotline.pathway.model.Rule;

/** Checks of the directory parts: ids, regions, exploitation types, agencies, profiles, unused entries. */
final class DirectoryLint {

    static final Set<String> ESCALATION_WORDS = Set.of("supervisor", "national_coordinator");

    private final PathwayDefinition def;
    private final Problems problems;

    DirectoryLint(PathwayDefinition def, Problems problems) {
        this.def = def;
        this.problems = problems;
    }

    void run() {
        unique(def.regions(), r -> r.code(), "regions", "code", DUPLICATE_ID, "region code");
        unique(def.regions(), r -> r.keypad(), "regions", "keypad", DUPLICATE_KEYPAD, "keypad digit");
        unique(def.agencies(), AgencyEntry::id, "agencies", "id", DUPLICATE_ID, "agency id");
        unique(def.profiles(), p -> p.id(), "profiles", "id", DUPLICATE_ID, "profile id");
        var ruleIds = new ArrayList<String>();
        def.rules().forEach(r -> ruleIds.add(r.id()));
        def.transnational().forEach(t -> ruleIds.add(t.id()));
        var seen = new HashSet<String>();
        seen.add(CompiledPathway.FALLBACK_RULE);
        for (int i = 0; i < ruleIds.size(); i++) {
            var id = ruleIds.get(i);
            var path = i < def.rules().size() ? "rules[" + i + "].id"
                    : "transnational[" + (i - def.rules().size()) + "].id";
            if (id != null && !seen.add(id)) {
                problems.at(path, DUPLICATE_ID, "rule id '" + id + "' is used twice (or is the reserved id"
                        + " 'fallback')");
            }
        }
        exploitationTypes();
        agencies();
        profiles();
        unused();
    }

    private <T> void unique(List<T> items, Function<T, String> key, String list, String field, String code,
            String what) {
        var seen = new HashSet<String>();
        for (int i = 0; i < items.size(); i++) {
            var k = key.apply(items.get(i));
            if (k != null && !seen.add(k)) {
                problems.at(list + "[" + i + "]." + field, code, what + " '" + k + "' is used twice");
            }
        }
    }

    private void exploitationTypes() {
        var seen = new HashSet<String>();
        for (int i = 0; i < def.exploitationTypes().size(); i++) {
            var t = def.exploitationTypes().get(i);
            if (!TipFields.EXPLOITATION_TYPES.contains(t)) {
                problems.at("exploitation_types[" + i + "]", UNKNOWN_EXPLOITATION_TYPE, "'" + t
                        + "' is not an HTCDS exploitation type; use one of " + TipFields.EXPLOITATION_TYPES);
            } else if (!seen.add(t)) {
                problems.at("exploitation_types[" + i + "]", DUPLICATE_ID, "'" + t + "' is listed twice");
            }
        }
    }

    private void agencies() {
        var regions = regionCodes();
        for (int i = 0; i < def.agencies().size(); i++) {
            var entry = def.agencies().get(i);
            var path = "agencies[" + i + "]";
            var areas = entry.agency().serviceAreas();
            for (int a = 0; a < areas.size(); a++) {
                if (!areas.get(a).equals("national") && !regions.contains(areas.get(a))) {
                    problems.at(path + ".service_areas[" + a + "]", UNKNOWN_REGION,
                            "service area '" + areas.get(a) + "' is neither a region code nor 'national'"
                                    + DidYouMean.hint(areas.get(a), regions));
                }
            }
            if (entry.agency().channels().isEmpty()) {
                problems.at(path + ".channels", AGENCY_NO_CHANNEL, "agency '" + entry.id()
                        + "' has no working channel (webhook, email, sms or portal); referrals could not reach it");
            }
            var next = entry.escalatesTo();
            if (next != null && !ESCALATION_WORDS.contains(next) && def.agency(next).isEmpty()) {
                problems.at(path + ".escalates_to", UNKNOWN_AGENCY, "escalates_to names unknown agency '" + next + "'"
                        + DidYouMean.hint(next, def.agencies().stream().map(a -> a.id()).toList()));
            }
            escalationCycle(entry, path);
        }
    }

    private void escalationCycle(AgencyEntry start, String path) {
        var visited = new ArrayList<String>();
        visited.add(start.id());
        var next = start.escalatesTo();
        while (next != null && !ESCALATION_WORDS.contains(next)) {
            if (visited.contains(next)) {
                if (next.equals(start.id())) {
                    visited.add(next);
                    problems.at(path + ".escalates_to", ESCALATION_CYCLE,
                            "escalation goes round in a circle: " + String.join(" -> ", visited));
                }
                return;
            }
            visited.add(next);
            next = def.agency(next).map(AgencyEntry::escalatesTo).orElse(null);
        }
    }

    private void profiles() {
        for (int i = 0; i < def.profiles().size(); i++) {
            var profile = def.profiles().get(i);
            var path = "profiles[" + i + "]";
            for (int f = 0; f < profile.fields().size(); f++) {
                var field = profile.fields().get(f);
                if (!TipFields.ALL.contains(field)) {
                    problems.at(path + ".fields[" + f + "]", UNKNOWN_FIELD, unknownField(field));
                } else if (TipFields.IDENTITY_FIELDS.contains(field) && !profile.requiresConsent().containsKey(field)) {
                    problems.at(path + ".fields[" + f + "]", UNGATED_IDENTITY_FIELD, "'" + field
                            + "' identifies the caller; list it under requires_consent with a consent purpose");
                }
            }
            profile.requiresConsent().forEach((field, purpose) -> {
                var p = path + ".requires_consent." + field;
                if (!TipFields.ALL.contains(field)) {
                    problems.at(p, UNKNOWN_FIELD, unknownField(field));
                }
                if (!TipFields.CONSENT_PURPOSES.contains(purpose)) {
                    problems.at(p, UNKNOWN_CONSENT_PURPOSE, unknownPurpose(purpose));
                }
            });
        }
    }

    static String unknownField(String field) {
        return "'" + field + "' is not a tip field" + DidYouMean.hint(field, TipFields.ALL) + "; use one of "
                + TipFields.ALL;
    }

    static String unknownPurpose(String purpose) {
        return "'" + purpose + "' is not a consent purpose" + DidYouMean.hint(purpose, TipFields.CONSENT_PURPOSES)
                + "; use one of " + TipFields.CONSENT_PURPOSES;
    }

    private void unused() {
        var usedAgencies = new HashSet<String>();
        var usedProfiles = new HashSet<String>();
        var referrals = new ArrayList<Referral>();
        def.rules().stream().map(Rule::refer).forEach(referrals::addAll);
        def.transnational().forEach(t -> referrals.add(t.referral()));
        if (def.fallback() != null) {
            referrals.add(def.fallback());
        }
        for (var r : referrals) {
            usedAgencies.add(r.agency());
            usedProfiles.add(r.profile());
            if (r.escalation() != null) {
                usedAgencies.addAll(r.escalation());
            }
        }
        def.agencies().stream().map(AgencyEntry::escalatesTo).filter(Objects::nonNull).forEach(usedAgencies::add);
        for (int i = 0; i < def.agencies().size(); i++) {
            var id = def.agencies().get(i).id();
            if (id != null && !usedAgencies.contains(id)) {
                problems.at("agencies[" + i + "].id", UNUSED_AGENCY, "no rule, fallback or escalation uses agency '"
                        + id + "'");
            }
        }
        for (int i = 0; i < def.profiles().size(); i++) {
            var id = def.profiles().get(i).id();
            if (id != null && !usedProfiles.contains(id)) {
                problems.at("profiles[" + i + "].id", UNUSED_PROFILE, "no referral uses profile '" + id + "'");
            }
        }
    }

    private Set<String> regionCodes() {
        var codes = new HashSet<String>();
        def.regions().forEach(r -> codes.add(r.code()));
        return codes;
    }
}

package org.hotline.core.referral;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import org.hotline.pathway.LoadResult;
import org.hotline.pathway.Pathway;
import org.hotline.pathway.PathwayLoader;
import org.hotline.pathway.TipFields;

/**
 * Generators for the disclosure properties: pathways whose four agencies get random data-sharing profiles
 * (identity fields behind random consents) and random consent overrides, and tips with any combination of
 * consents, child or adult, danger or not. Every free-text value is a marker unique to its field, so a leak
 * into any rendering can be found by searching for it.
 */
final class GeneratedCases {

    static final List<String> AGENCIES = List.of("ag-police", "ag-welfare", "ag-abroad", "ag-coord");
    static final List<String> TYPES = List.of("forced_labour", "sexual_exploitation", "domestic_servitude");
    private static final List<String> OPEN_FIELDS = TipFields.ALL.stream()
            .filter(f -> !TipFields.IDENTITY_FIELDS.contains(f) && !f.equals("reference") && !f.equals("receivedAt"))
            .toList();

    private GeneratedCases() {}

    /** A profile: open fields and identity fields gated by a consent purpose. */
    record GenProfile(Set<String> open, Map<String, String> gated) {
        Set<String> all() {
            var all = new java.util.HashSet<>(open);
            all.addAll(gated.keySet());
            all.add("reference");
            return all;
        }
    }

    /** A generated pathway with the profile of each agency (one each, so the oracle is simple). */
    record GenPathway(Pathway pathway, Map<String, GenProfile> profiles, boolean dangerOverride, boolean childOverride) {}

    static Arbitrary<GenProfile> profiles() {
        var open = Arbitraries.of(OPEN_FIELDS).set().ofMaxSize(OPEN_FIELDS.size());
        var gate = Arbitraries.of(TipFields.CONSENT_PURPOSES).injectNull(0.4);
        return Combinators.combine(open, gate, gate, gate).as((o, name, phone, recording) -> {
            Map<String, String> gated = new LinkedHashMap<>();
            if (name != null) {
                gated.put("callerName", name);
            }
            if (phone != null) {
                gated.put("callerPhone", phone);
            }
            if (recording != null) {
                gated.put("recording", recording);
            }
            return new GenProfile(o, gated);
        });
    }

    static Arbitrary<GenPathway> pathways() {
        return Combinators.combine(profiles().list().ofSize(AGENCIES.size()), Arbitraries.of(true, false),
                Arbitraries.of(true, false)).as((list, danger, child) -> {
                    Map<String, GenProfile> byAgency = new LinkedHashMap<>();
                    for (int i = 0; i < AGENCIES.size(); i++) {
                        byAgency.put(AGENCIES.get(i), list.get(i));
                    }
                    return new GenPathway(load(yaml(byAgency, danger, child)), byAgency, danger, child);
                });
    }

    /** Tip field values (markers for free text) and consents given. */
    record GenTip(Map<String, Object> fields, Set<String> consents) {}

    static Arbitrary<GenTip> tips() {
        var bools = Arbitraries.of(true, false);
        var consents = Arbitraries.of(TipFields.CONSENT_PURPOSES).set();
        var present = Arbitraries.of(OPEN_FIELDS).set();
        return Combinators.combine(Arbitraries.of(TYPES), bools, bools, bools, consents, present,
                Arbitraries.of("SL", "LR")).as((type, child, danger, cross, given, with, nationality) -> {
                    Map<String, Object> fields = new LinkedHashMap<>();
                    for (String f : with) {
                        fields.put(f, marker(f));
                    }
                    fields.put("exploitationType", type);
                    fields.put("region", "MO");
                    fields.put("childInvolved", child);
                    fields.put("immediateDanger", danger);
                    fields.put("crossBorder", cross);
                    fields.put("victimNationality", nationality);
                    fields.put("victimCount", 2);
                    fields.put("callerName", marker("callerName"));
                    fields.put("narrative", marker("narrative"));
                    return new GenTip(fields, given);
                });
    }

    /** The marker a free-text field carries: found in a rendering only if that field leaked into it. */
    static String marker(String field) {
        return "Mk" + field + "Zq";
    }

    private static Pathway load(String yaml) {
        LoadResult result = PathwayLoader.load(yaml, "generated.yaml", Map.of());
        if (result instanceof LoadResult.Valid valid) {
            return valid.pathway();
        }
        throw new IllegalStateException("generated pathway invalid: " + ((LoadResult.Invalid) result).problems() + "\n" + yaml);
    }

    private static String yaml(Map<String, GenProfile> profiles, boolean dangerOverride, boolean childOverride) {
        List<String> kinds = List.of("police", "social_welfare", "foreign_counterpart", "coordinator");
        StringBuilder y = new StringBuilder("""
                pathway: { id: generated, version: "1", name: Generated, country: LR }
                regions:
                  - { code: MO, name: Montserrado, keypad: "1" }
                exploitation_types: [forced_labour, sexual_exploitation, domestic_servitude]
                agencies:
                """);
        for (int i = 0; i < AGENCIES.size(); i++) {
            String next = i + 1 < AGENCIES.size() ? AGENCIES.get(i + 1) : "supervisor";
            y.append("  - { id: ").append(AGENCIES.get(i)).append(", name: Agency ").append(i).append(", kind: ")
                    .append(kinds.get(i)).append(", escalates_to: ").append(next)
                    .append(", channels: [{ type: email, address: a").append(i).append("@example.org }] }\n");
        }
        y.append("profiles:\n");
        profiles.forEach((agency, p) -> {
            List<String> fields = new ArrayList<>(p.open());
            fields.add(0, "reference");
            y.append("  - id: p-").append(agency).append("\n    fields: [").append(String.join(", ", fields)).append("]\n");
            if (!p.gated().isEmpty()) {
                y.append("    requires_consent: { ").append(p.gated().entrySet().stream()
                        .map(e -> e.getKey() + ": " + e.getValue()).collect(Collectors.joining(", "))).append(" }\n");
            }
        });
        y.append("rules:\n");
        y.append("  - id: danger\n    when: { immediate_danger: true }\n    refer:\n")
                .append("      - { agency: ag-police, profile: p-ag-police, priority: immediate, acknowledge_within: 30m,")
                .append(" escalation: [ag-welfare, ag-coord] }\n");
        if (dangerOverride) {
            y.append("    consent_override: { when: immediate_danger, fields: [callerName, callerPhone], reason: locate }\n");
        }
        y.append("  - id: child\n    when: { child_involved: true }\n    refer:\n")
                .append("      - { agency: ag-welfare, profile: p-ag-welfare, priority: high, acknowledge_within: 4h }\n")
                .append("      - { agency: ag-police, profile: p-ag-police, priority: high, acknowledge_within: 4h }\n");
        if (childOverride) {
            y.append("    consent_override: { when: child_involved, fields: [callerName, callerPhone], reason: child }\n");
        }
        y.append("  - id: labour\n    when: { exploitation_type: forced_labour }\n    refer:\n")
                .append("      - { agency: ag-welfare, profile: p-ag-welfare, acknowledge_within: 2d }\n");
        y.append("transnational:\n  - { id: tn, victim_nationality: [SL], requires_consent: share_services,")
                .append(" agency: ag-abroad, profile: p-ag-abroad, acknowledge_within: 3d }\n");
        y.append("fallback: { agency: ag-coord, profile: p-ag-coord, acknowledge_within: 1d }\n");
        return y.toString();
    }
}

package org.hotline.bench.pathway;

import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.hotline.pathway.LoadResult;
import org.hotline.pathway.Pathway;
import org.hotline.pathway.PathwayLoader;
import org.hotline.pathway.TipFacts;

/**
 * Pathways of any size for the benchmarks, written as YAML and loaded through {@link PathwayLoader} like a
 * ministry's file. Rule {@code i} refers tips of one exploitation type, one victim nationality (a two-letter
 * code, 676 of them) and one of the 8 regions to one of the agencies, so no rule subsumes another and a tip's
 * routing depends on the whole rule list, not just its head.
 */
public final class GeneratedPathway {

    static final List<String> TYPES = List.of("forced_labour", "sexual_exploitation", "domestic_servitude",
            "forced_begging", "child_labour", "forced_marriage", "organ_removal", "other");

    private static final int REGIONS = 8;
    private static final int CHILD_AGENCY = 1;
    private static final int NATIONALITIES = 26 * 26;

    private GeneratedPathway() {}

    /** Nationality code of rule {@code i}: AA, AB, ... ZZ, then again with the next region. */
    static String nationality(int i) {
        int n = i % NATIONALITIES;
        return "" + (char) ('A' + n / 26) + (char) ('A' + n % 26);
    }

    static int region(int i) {
        return (i / NATIONALITIES) % REGIONS;
    }

    /**
     * YAML of a pathway with {@code rules} rules (the first sends child tips to child protection) and one
     * agency per webhook URL (each signed with the secret named {@code BENCH_SECRET_<i>}).
     *
     * @param referAll when true a second rule refers every forced-labour tip to all agencies (the dispatch
     *     benchmark); otherwise {@code rules - 1} one-agency rules as described above
     */
    public static String yaml(int rules, List<String> webhookUrls, boolean referAll) {
        if (rules < 2 || webhookUrls.isEmpty()) {
            throw new IllegalArgumentException("need at least two rules and one agency");
        }
        StringBuilder y = new StringBuilder(256 + rules * 200);
        y.append("pathway:\n  id: bench-").append(rules).append("\n  version: \"1\"\n")
                .append("  name: Generated benchmark pathway\n  country: LR\n  effective_from: 2026-01-01\n")
                .append("defaults:\n  priority: normal\n  acknowledge_within: 1d\n");
        y.append("regions:\n");
        for (int r = 0; r < REGIONS; r++) {
            y.append("  - { code: R").append(r).append(", name: Region ").append(r).append(", keypad: \"")
                    .append(r + 1).append("\" }\n");
        }
        y.append("exploitation_types:\n");
        TYPES.forEach(t -> y.append("  - ").append(t).append('\n'));
        y.append("agencies:\n");
        for (int a = 0; a < webhookUrls.size(); a++) {
            y.append("  - id: agency-").append(a).append("\n    name: Agency ").append(a)
                    .append("\n    kind: ").append(a == CHILD_AGENCY % webhookUrls.size() ? "social_welfare" : "police")
                    .append("\n    service_areas: [national]\n    channels:\n")
                    .append("      - type: webhook\n        url: ").append(webhookUrls.get(a))
                    .append("\n        secret_ref: BENCH_SECRET_").append(a).append('\n');
        }
        y.append("profiles:\n  - id: bench\n    description: What every benchmark agency sees\n")
                .append("    fields: [reference, receivedAt, exploitationType, region]\n");
        // The pathway linter insists that child tips reach child protection; the first rule sees to that.
        y.append("rules:\n  - id: child-involved\n    when:\n      child_involved: true\n    refer:\n")
                .append("      - { agency: agency-").append(CHILD_AGENCY % webhookUrls.size())
                .append(", profile: bench, acknowledge_within: 4h }\n");
        if (referAll) {
            y.append("  - id: all-agencies\n    when:\n      exploitation_type: forced_labour\n    refer:\n");
            for (int a = 0; a < webhookUrls.size(); a++) {
                y.append("      - { agency: agency-").append(a).append(", profile: bench }\n");
            }
        } else {
            for (int i = 0; i < rules - 1; i++) {
                y.append("  - id: rule-").append(i).append("\n    when:\n      exploitation_type: ")
                        .append(TYPES.get(i % TYPES.size())).append("\n      victim_nationality: ")
                        .append(nationality(i)).append("\n      region: R").append(region(i))
                        .append("\n    refer:\n      - { agency: agency-").append(i % webhookUrls.size())
                        .append(", profile: bench }\n");
            }
        }
        y.append("fallback:\n  agency: agency-0\n  profile: bench\n  acknowledge_within: 1d\n");
        return y.toString();
    }

    /** Loads a generated pathway; a generator that writes an invalid file is a bug, reported with every problem. */
    public static Pathway load(int rules) {
        String text = yaml(rules, List.of("http://127.0.0.1:9/a", "http://127.0.0.1:9/b", "http://127.0.0.1:9/c",
                "http://127.0.0.1:9/d", "http://127.0.0.1:9/e"), false);
        return switch (PathwayLoader.load(text, "generated-" + rules + ".yaml", secrets(5))) {
            case LoadResult.Valid v -> v.pathway();
            case LoadResult.Invalid i -> throw new IllegalStateException("generated pathway invalid: " + i.problems());
        };
    }

    /** Environment naming the secrets of {@code agencies} generated agencies. */
    public static Map<String, String> secrets(int agencies) {
        Map<String, String> env = new java.util.HashMap<>();
        for (int a = 0; a < agencies; a++) {
            env.put("BENCH_SECRET_" + a, "bench-secret-" + a);
        }
        return env;
    }

    /** Tips spread over the rules' nationalities and regions (most match one rule, the rest fall back), reproducibly. */
    public static TipFacts[] tips(int rules, int count, long seed) {
        Random random = new Random(seed);
        TipFacts[] tips = new TipFacts[count];
        for (int i = 0; i < count; i++) {
            int rule = random.nextInt(rules);
            String type = random.nextInt(4) == 0 ? TYPES.get(random.nextInt(TYPES.size()))
                    : TYPES.get(rule % TYPES.size());
            tips[i] = new TipFacts(type, "R" + region(rule), random.nextInt(10) == 0, false, nationality(rule), false,
                    "victim", Set.of("share_services", "statistics"));
        }
        return tips;
    }
}

package org.hotline.core.referral;

import java.util.Map;
import org.hotline.pathway.LoadResult;
import org.hotline.pathway.Pathway;
import org.hotline.pathway.PathwayLoader;

/**
 * A small pathway for dispatch tests, loaded through the real {@link PathwayLoader}. Agency addresses come
 * from the {@code env} map so each test points them at its own servers.
 */
final class TestPathways {

    static final String YAML = """
            pathway:
              id: dispatch-test
              version: "${PATHWAY_VERSION:-1}"
              name: Dispatch test pathway
              country: LR
              effective_from: 2026-01-01

            defaults:
              priority: normal
              acknowledge_within: 1d

            regions:
              - { code: NO, name: North, keypad: "1" }
              - { code: SO, name: South, keypad: "2" }

            exploitation_types: [forced_labour, sexual_exploitation, other]

            agencies:
              - id: police
                name: Police trafficking unit
                kind: police
                service_areas: [national]
                languages: [en]
                escalates_to: coordinator
                channels:
                  - { type: webhook, url: "${POLICE_URL:-http://127.0.0.1:9/police}", secret_ref: AGENCY_SECRET }
              - id: labour
                name: Labour inspectorate
                kind: labour_inspectorate
                service_areas: [national]
                languages: [en]
                escalates_to: coordinator
                channels:
                  - { type: webhook, url: "${LABOUR_URL:-http://127.0.0.1:9/labour}", secret_ref: AGENCY_SECRET }
              - id: shelter
                name: Shelter network
                kind: shelter
                service_areas: [national]
                languages: [en]
                escalates_to: coordinator
                channels:
                  - { type: portal }
                  - { type: email, address: intake@shelter.example.org }
              - id: outreach
                name: Outreach team
                kind: social_welfare
                service_areas: [national]
                languages: [en]
                escalates_to: coordinator
                channels:
                  - { type: sms, number: "+231770000200" }
              - id: coordinator
                name: National coordinator
                kind: coordinator
                service_areas: [national]
                languages: [en]
                escalates_to: supervisor
                channels:
                  - { type: portal }

            profiles:
              - id: police
                fields: [reference, exploitationType, region, immediateDanger, narrative]
                requires_consent:
                  callerPhone: share_identity_police
              - id: labour
                fields: [exploitationType, region]
              - id: notice
                fields: [reference, region, needs]

            rules:
              - id: immediate-danger
                when:
                  immediate_danger: true
                refer:
                  - { agency: police, profile: police, priority: immediate, acknowledge_within: 30m }
              - id: labour-exploitation
                when:
                  exploitation_type: forced_labour
                refer:
                  - { agency: labour, profile: labour, acknowledge_within: 2d }
              - id: sexual-exploitation
                when:
                  exploitation_type: sexual_exploitation
                refer:
                  - { agency: shelter, profile: notice, priority: high, acknowledge_within: 4h }
                  - { agency: outreach, profile: notice, priority: high, acknowledge_within: 4h }
              - id: child-involved
                when:
                  child_involved: true
                refer:
                  - { agency: outreach, profile: notice, priority: high, acknowledge_within: 4h }

            fallback:
              agency: coordinator
              profile: notice
              priority: normal
              acknowledge_within: 1d
            """;

    /** A directory none of the test pathway's agencies is in: escalation steps are only queued, nobody handed over. */
    static final String ELSEWHERE_YAML = """
            pathway: { id: elsewhere, version: "1", name: Elsewhere, country: LR }
            regions: [{ code: NO, name: North, keypad: "1" }]
            exploitation_types: [other]
            agencies:
              - { id: elsewhere, name: Elsewhere, kind: social_welfare, channels: [{ type: portal }] }
            profiles:
              - { id: notice, fields: [reference] }
            rules: []
            fallback: { agency: elsewhere, profile: notice, priority: normal, acknowledge_within: 1d }
            """;

    private TestPathways() {}

    static Pathway elsewhere() {
        return valid(PathwayLoader.load(ELSEWHERE_YAML, "elsewhere.yaml", Map.of()));
    }

    static Pathway load(Map<String, String> env) {
        return valid(PathwayLoader.load(YAML, "dispatch-test.yaml", env));
    }

    private static Pathway valid(LoadResult result) {
        if (result instanceof LoadResult.Valid valid) {
            return valid.pathway();
        }
        throw new IllegalStateException("test pathway invalid: " + ((LoadResult.Invalid) result).problems());
    }
}

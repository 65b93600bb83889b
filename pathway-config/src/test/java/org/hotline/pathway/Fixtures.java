package org.hotline.pathway;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

/** A small valid pathway document and helpers to break it in one place. */
final class Fixtures {

    static final String VALID = """
            pathway:
              id: test
              version: "1"
              name: Test pathway
              country: LR
            regions:
              - { code: MO, name: Montserrado, keypad: "1" }
              - { code: NI, name: Nimba, keypad: "2" }
            exploitation_types: [forced_labour, sexual_exploitation]
            agencies:
              - id: police
                name: Police trafficking unit
                kind: police
                channels:
                  - { type: webhook, url: "${AGENCY_URL:-http://127.0.0.1:8089}/agencies/police", secret_ref: POLICE_SECRET }
              - id: welfare
                name: Social welfare
                kind: social_welfare
                escalates_to: coordinator
                channels: [{ type: email, address: welfare@example.org }]
              - id: labour
                name: Labour inspectorate
                kind: labour_inspectorate
                service_areas: [national]
                channels: [{ type: sms, number: "+231770000001" }]
              - id: coordinator
                name: Task force
                kind: coordinator
                channels: [{ type: portal }]
              - id: counterpart
                name: Counterpart abroad
                kind: foreign_counterpart
                channels: [{ type: email, address: fp@example.sl }]
            profiles:
              - id: police
                fields: [reference, exploitationType, region, location, perpetrator]
                requires_consent: { callerName: share_identity_police, callerPhone: share_identity_police }
              - id: welfare
                fields: [reference, region, needs, victimAgeGroup]
              - id: labour
                fields: [reference, employer, sector, location]
              - id: minimal
                fields: [reference, victimNationality, needs]
              - id: coordinator
                fields: [reference, exploitationType, region, narrative]
            rules:
              - id: danger
                when: { immediate_danger: true }
                refer:
                  - { agency: police, profile: police, priority: immediate, acknowledge_within: 30m }
                consent_override: { when: immediate_danger, fields: [callerPhone], reason: locate the person in danger }
              - id: child
                when: { child_involved: true }
                refer:
                  - { agency: welfare, profile: welfare, priority: high, acknowledge_within: 4h }
                  - { agency: police, profile: police, priority: high, acknowledge_within: 4h }
              - id: labour
                when: { exploitation_type: forced_labour }
                refer:
                  - { agency: labour, profile: labour, acknowledge_within: 2d }
              - id: sexual
                when: { exploitation_type: sexual_exploitation }
                refer:
                  - { agency: police, profile: police, priority: high, acknowledge_within: 1d }
            transnational:
              - { id: tn-sl, victim_nationality: SL, requires_consent: share_services, agency: counterpart, profile: minimal, acknowledge_within: 3d }
            fallback: { agency: coordinator, profile: coordinator, acknowledge_within: 1d }
            """;

    private Fixtures() {}

    /** The valid document with {@code find} (which must occur exactly once) replaced. */
    static String with(String find, String replace) {
        return with(VALID, find, replace);
    }

    static String with(String doc, String find, String replace) {
        assertThat(doc.split(java.util.regex.Pattern.quote(find), -1)).as("occurrences of %s", find).hasSize(2);
        return doc.replace(find, replace);
    }

    /** 1-based line of the first line containing {@code marker}. */
    static int lineOf(String doc, String marker) {
        var lines = doc.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].contains(marker)) {
                return i + 1;
            }
        }
        throw new AssertionError("no line contains " + marker);
    }

    static LoadResult load(String doc) {
        return PathwayLoader.load(doc, "test.yaml", Map.of());
    }

    static Pathway valid(String doc) {
        var result = load(doc);
        assertThat(result).as("%s", result).isInstanceOf(LoadResult.Valid.class);
        return ((LoadResult.Valid) result).pathway();
    }
}

package org.hotline.pathway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hotline.pathway.Fixtures.VALID;
import static org.hotline.pathway.Fixtures.lineOf;
import static org.hotline.pathway.Fixtures.with;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class LintTest {

    static List<Problem> problems(LoadResult result) {
        return switch (result) {
            case LoadResult.Valid v -> v.warnings();
            case LoadResult.Invalid i -> i.problems();
        };
    }

    /** Each case: the code expected, a broken document, and text on the line the problem must point at. */
    static Stream<Arguments> brokenDocuments() {
        return Stream.of(
                Arguments.of(ProblemCodes.YAML_SYNTAX, "pathway:\n  id: [unclosed\nregions: []\n", "regions"),
                Arguments.of(ProblemCodes.EMPTY_DOCUMENT, "# nothing here\n", "# nothing"),
                Arguments.of(ProblemCodes.DUPLICATE_KEY, with("  country: LR\n", "  country: LR\n  country: SL\n"),
                        "country: SL"),
                Arguments.of(ProblemCodes.UNKNOWN_KEY, with("  country: LR\n", "  country: LR\n  contry: LR\n"),
                        "contry"),
                Arguments.of(ProblemCodes.MISSING_KEY, with("    name: Labour inspectorate\n", ""), "- id: labour"),
                Arguments.of(ProblemCodes.WRONG_TYPE, with("when: { immediate_danger: true }",
                        "when: { immediate_danger: perhaps }"), "immediate_danger: perhaps"),
                Arguments.of(ProblemCodes.INVALID_VALUE, with("acknowledge_within: 2d", "acknowledge_within: soon"),
                        "acknowledge_within: soon"),
                Arguments.of(ProblemCodes.UNRESOLVED_VARIABLE, with("${AGENCY_URL:-http://127.0.0.1:8089}",
                        "${AGENCY_URL_UNSET_FOR_TEST}"), "AGENCY_URL_UNSET_FOR_TEST"),
                Arguments.of(ProblemCodes.DUPLICATE_ID, with("- id: sexual", "- id: labour"), "- id: labour\n    when: { exploitation_type: sexual"),
                Arguments.of(ProblemCodes.DUPLICATE_KEYPAD, with("name: Nimba, keypad: \"2\"", "name: Nimba, keypad: \"1\""),
                        "Nimba"),
                Arguments.of(ProblemCodes.UNKNOWN_AGENCY, with("{ agency: labour, profile: labour,",
                        "{ agency: nobody, profile: labour,"), "agency: nobody"),
                Arguments.of(ProblemCodes.UNKNOWN_PROFILE, with("{ agency: labour, profile: labour,",
                        "{ agency: labour, profile: nothing,"), "profile: nothing"),
                Arguments.of(ProblemCodes.UNKNOWN_REGION, with("when: { exploitation_type: forced_labour }",
                        "when: { exploitation_type: forced_labour, region: [MO, XX] }"), "region: [MO, XX]"),
                Arguments.of(ProblemCodes.UNKNOWN_FIELD, with("fields: [reference, employer, sector, location]",
                        "fields: [reference, employer, sector, location, salary]"), "salary"),
                Arguments.of(ProblemCodes.UNKNOWN_EXPLOITATION_TYPE, with("exploitation_types: [forced_labour, sexual_exploitation]",
                        "exploitation_types: [forced_labour, sexual_exploitation, smuggling]"), "smuggling"),
                Arguments.of(ProblemCodes.UNKNOWN_CONSENT_PURPOSE, with("callerPhone: share_identity_police }",
                        "callerPhone: share_everything }"), "share_everything"),
                Arguments.of(ProblemCodes.UNKNOWN_CALLER_ROLE, with("when: { exploitation_type: sexual_exploitation }",
                        "when: { exploitation_type: sexual_exploitation, caller_role: [victim, journalist] }"), "journalist"),
                Arguments.of(ProblemCodes.AGENCY_NO_CHANNEL, with("channels: [{ type: portal }]", "channels: []"),
                        "channels: []"),
                Arguments.of(ProblemCodes.RULE_NEVER_MATCHES, with("when: { exploitation_type: forced_labour }",
                        "when: { exploitation_type: forced_labour, region: [] }"), "region: []"),
                Arguments.of(ProblemCodes.RULE_SHADOWED, with("transnational:\n",
                        "  - id: labour-again\n    when: { exploitation_type: forced_labour, region: MO }\n"
                                + "    refer:\n      - { agency: labour, profile: labour, acknowledge_within: 2d }\n"
                                + "transnational:\n"), "- id: labour-again"),
                Arguments.of(ProblemCodes.ESCALATION_CYCLE, with("    kind: police\n",
                        "    kind: police\n    escalates_to: welfare\n").replace("escalates_to: coordinator",
                        "escalates_to: police"), "escalates_to: welfare"),
                Arguments.of(ProblemCodes.DANGER_RULE_WITHOUT_DEADLINE, with("priority: immediate, acknowledge_within: 30m }",
                        "priority: immediate }"), "priority: immediate }"),
                Arguments.of(ProblemCodes.CHILD_RULE_WITHOUT_DEADLINE, with("priority: high, acknowledge_within: 4h }\n      - { agency: police",
                        "priority: high }\n      - { agency: police"), "{ agency: welfare, profile: welfare, priority: high }"),
                Arguments.of(ProblemCodes.CHILD_RULE_WITHOUT_CHILD_PROTECTION,
                        with("      - { agency: welfare, profile: welfare, priority: high, acknowledge_within: 4h }\n", ""),
                        "- { agency: police, profile: police, priority: high, acknowledge_within: 4h }"),
                Arguments.of(ProblemCodes.CHILD_PROTECTION_GAP, with("when: { child_involved: true }",
                        "when: { child_involved: true, region: MO }"), "exploitation_types:"),
                Arguments.of(ProblemCodes.COVERAGE_GAP, with("exploitation_types: [forced_labour, sexual_exploitation]",
                        "exploitation_types: [forced_labour, sexual_exploitation, forced_begging]"), "forced_begging"),
                Arguments.of(ProblemCodes.UNGATED_IDENTITY_FIELD, with("fields: [reference, employer, sector, location]",
                        "fields: [reference, employer, sector, location, callerPhone]"), "callerPhone]"),
                Arguments.of(ProblemCodes.TRANSNATIONAL_OWN_COUNTRY, with("victim_nationality: SL", "victim_nationality: [SL, LR]"),
                        "victim_nationality: [SL, LR]"),
                Arguments.of(ProblemCodes.TRANSNATIONAL_AGENCY_KIND, with("agency: counterpart, profile: minimal",
                        "agency: welfare, profile: minimal").replace("  - id: counterpart\n", "  - id: counterpart2\n"),
                        "agency: welfare, profile: minimal"),
                Arguments.of(ProblemCodes.AGENCY_OUTSIDE_SERVICE_AREA, with("service_areas: [national]", "service_areas: [NI]")
                        .replace("when: { exploitation_type: forced_labour }", "when: { exploitation_type: forced_labour, region: MO }"),
                        "agency: labour, profile: labour"),
                Arguments.of(ProblemCodes.UNUSED_AGENCY, with("transnational:\n  - { id: tn-sl", "transnational:\n  - { id: tn-sl")
                        .replace("agency: counterpart, profile: minimal", "agency: police, profile: minimal"), "- id: counterpart"),
                Arguments.of(ProblemCodes.UNUSED_PROFILE, with("  - id: minimal\n", "  - id: spare\n    fields: [reference]\n  - id: minimal\n"),
                        "- id: spare"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("brokenDocuments")
    void shouldReportEachLintCodeAtTheLineOfTheCause(String code, String doc, String marker) {
        // given a document broken in one way
        int expectedLine = lineOf(doc, marker.contains("\n") ? marker.substring(0, marker.indexOf('\n')) : marker);
        if (marker.contains("\n")) {
            expectedLine = doc.substring(0, doc.indexOf(marker)).split("\n", -1).length;
        }

        // when
        var problems = problems(Fixtures.load(doc));

        // then
        assertThat(problems).as("%s", problems)
                .anySatisfy(p -> {
                    assertThat(p.code()).isEqualTo(code);
                    assertThat(p.source()).isEqualTo("test.yaml");
                });
        int line = expectedLine;
        assertThat(problems.stream().filter(p -> p.code().equals(code)).map(Problem::line))
                .as("lines of %s in %s", code, problems).contains(line);
    }

    @Test
    void shouldHaveAFailingExampleForEveryProblemCode() {
        // given
        Set<String> covered = brokenDocuments().map(a -> (String) a.get()[0]).collect(Collectors.toSet());

        // when / then
        assertThat(covered).containsAll(ProblemCodes.DESCRIPTIONS.keySet());
    }

    @Test
    void shouldRequireChildProtectionForChildTipsWhoseTypeIsNotKnownYet() {
        // given child protection only for children in forced labour and sexual exploitation
        var doc = with("when: { child_involved: true }",
                "when: { child_involved: true, exploitation_type: [forced_labour, sexual_exploitation] }");

        // when
        var problems = problems(Fixtures.load(doc));

        // then
        assertThat(problems).singleElement().satisfies(p -> {
            assertThat(p.code()).isEqualTo(ProblemCodes.CHILD_PROTECTION_GAP);
            assertThat(p.message()).contains("unknown type/MO", "unknown type/unknown region")
                    .doesNotContain("forced_labour/unknown region");
        });
    }

    @Test
    void shouldBlockLoadingOnErrorsButOnlyWarnOnWarnings() {
        // given
        var warningOnly = with("exploitation_types: [forced_labour, sexual_exploitation]",
                "exploitation_types: [forced_labour, sexual_exploitation, forced_begging]");
        var error = with("{ agency: labour, profile: labour,", "{ agency: nobody, profile: labour,");

        // when
        var warned = Fixtures.load(warningOnly);
        var failed = Fixtures.load(error);

        // then
        assertThat(warned).isInstanceOfSatisfying(LoadResult.Valid.class, v -> assertThat(v.warnings())
                .extracting(Problem::code).containsOnly(ProblemCodes.COVERAGE_GAP));
        assertThat(failed).isInstanceOfSatisfying(LoadResult.Invalid.class, i -> assertThat(i.problems())
                .extracting(Problem::code).contains(ProblemCodes.UNKNOWN_AGENCY));
    }

    @Test
    void shouldLoadTheValidFixtureWithoutAnyProblem() {
        // when
        var result = Fixtures.load(VALID);

        // then
        assertThat(result).isInstanceOfSatisfying(LoadResult.Valid.class, v -> assertThat(v.warnings()).isEmpty());
    }

    @Test
    void shouldReportEveryProblemOfAFileSortedByLineWithItsPath() {
        // given a file with five independent problems
        var doc = with("  country: LR\n", "  country: Liberia\n")
                .replace("{ agency: labour, profile: labour,", "{ agency: nobody, profile: labour,")
                .replace("fields: [reference, employer, sector, location]", "fields: [reference, employer, salary]")
                .replace("priority: immediate, acknowledge_within: 30m }", "priority: urgent, acknowledge_within: 30m }")
                .replace("channels: [{ type: portal }]", "channels: [{ type: fax }]");

        // when
        var problems = problems(Fixtures.load(doc));

        // then
        assertThat(problems).extracting(Problem::code, Problem::line, Problem::path).containsSubsequence(
                org.assertj.core.groups.Tuple.tuple(ProblemCodes.INVALID_VALUE, lineOf(doc, "country: Liberia"),
                        "pathway.country"),
                org.assertj.core.groups.Tuple.tuple(ProblemCodes.AGENCY_NO_CHANNEL, lineOf(doc, "type: fax"),
                        "agencies[3].channels"),
                org.assertj.core.groups.Tuple.tuple(ProblemCodes.INVALID_VALUE, lineOf(doc, "type: fax"),
                        "agencies[3].channels[0].type"),
                org.assertj.core.groups.Tuple.tuple(ProblemCodes.UNKNOWN_FIELD, lineOf(doc, "salary"),
                        "profiles[2].fields[2]"),
                org.assertj.core.groups.Tuple.tuple(ProblemCodes.INVALID_VALUE, lineOf(doc, "priority: urgent"),
                        "rules[0].refer[0].priority"),
                org.assertj.core.groups.Tuple.tuple(ProblemCodes.UNKNOWN_AGENCY, lineOf(doc, "agency: nobody"),
                        "rules[2].refer[0].agency"));
        assertThat(problems).isSortedAccordingTo(java.util.Comparator.comparingInt(Problem::line)
                .thenComparingInt(Problem::column));
    }
}

package org.hotline.pathway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hotline.pathway.Fixtures.lineOf;

import java.util.List;
import org.junit.jupiter.api.Test;

class PathwayLoaderTest {

    private static List<Problem> problems(String doc) {
        var result = Fixtures.load(doc);
        assertThat(result).isInstanceOf(LoadResult.Invalid.class);
        return ((LoadResult.Invalid) result).problems();
    }

    @Test
    void shouldReportAYamlSyntaxErrorAtItsLineAndColumn() {
        // given
        var doc = Fixtures.with("  name: Test pathway\n", "  name: \"Test pathway\n");

        // when
        var problems = problems(doc);

        // then
        assertThat(problems).singleElement().satisfies(p -> {
            assertThat(p.code()).isEqualTo(ProblemCodes.YAML_SYNTAX);
            assertThat(p.line()).isGreaterThanOrEqualTo(lineOf(doc, "Test pathway"));
            assertThat(p.message()).startsWith("not valid YAML");
        });
    }

    @Test
    void shouldRejectSeveralDocumentsInOneFile() {
        // when
        var problems = problems(Fixtures.VALID + "---\npathway: {}\n");

        // then
        assertThat(problems).extracting(Problem::code).containsExactly(ProblemCodes.YAML_SYNTAX);
    }

    @Test
    void shouldRejectAnAliasExplosionWithoutRunningOutOfMemory() {
        // given
        var bomb = new StringBuilder("a: &a [x, x, x, x, x, x, x, x, x, x]\n");
        for (char c = 'b'; c <= 'k'; c++) {
            var prev = (char) (c - 1);
            bomb.append(c).append(": &").append(c).append(" [*").append(prev).append(", *").append(prev)
                    .append(", *").append(prev).append(", *").append(prev).append(", *").append(prev)
                    .append(", *").append(prev).append(", *").append(prev).append(", *").append(prev).append("]\n");
        }

        // when
        var problems = problems(bomb.toString());

        // then
        assertThat(problems).extracting(Problem::code).contains(ProblemCodes.YAML_SYNTAX);
    }

    @Test
    void shouldRejectADocumentThatIsNotAMapping() {
        // when
        var problems = problems("- just\n- a list\n");

        // then
        assertThat(problems).singleElement().satisfies(p -> {
            assertThat(p.code()).isEqualTo(ProblemCodes.WRONG_TYPE);
            assertThat(p.line()).isEqualTo(1);
        });
    }

    @Test
    void shouldReportEveryMissingSectionOfAnAlmostEmptyFile() {
        // when
        var problems = problems("pathway: { id: x, version: 1, name: X, country: LR }\n");

        // then
        assertThat(problems).extracting(Problem::code).containsOnly(ProblemCodes.MISSING_KEY);
        assertThat(problems).extracting(Problem::path).containsExactlyInAnyOrder("agencies", "exploitation_types",
                "fallback", "profiles", "regions", "rules");
    }

    @Test
    void shouldAcceptIsoDurationsAndDefaultsAndApplyThem() {
        // given
        var doc = Fixtures.with("{ agency: labour, profile: labour, acknowledge_within: 2d }",
                "{ agency: labour, profile: labour, acknowledge_within: P2DT12H }")
                .replace("fallback: { agency: coordinator, profile: coordinator, acknowledge_within: 1d }",
                        "fallback: { agency: coordinator, profile: coordinator, acknowledge_within: PT6H }\n"
                                + "defaults: { priority: low, acknowledge_within: 5d }");
        var pathway = Fixtures.valid(doc);

        // when
        var recipients = pathway.route(new TipFacts("forced_labour", "MO", false, false, null, false, null, null))
                .recipients();

        // then
        assertThat(recipients).singleElement().satisfies(r -> {
            assertThat(r.acknowledgeWithin()).isEqualTo(java.time.Duration.ofHours(60));
            assertThat(r.priority()).isEqualTo(Recipient.Priority.LOW);
        });
    }

    @Test
    void shouldTreatAnEmptyEnvironmentValueAsUnsetForDefaults() {
        // when
        var result = PathwayLoader.load(Fixtures.VALID, "test.yaml", java.util.Map.of("AGENCY_URL", ""));

        // then
        assertThat(result).isInstanceOfSatisfying(LoadResult.Valid.class, v -> assertThat(
                ((Channel.Webhook) v.pathway().agency("police").orElseThrow().channels().getFirst()).url())
                .isEqualTo("http://127.0.0.1:8089/agencies/police"));
    }
}

package org.hotline.pathway;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SampleTipsTest {

    @Test
    void shouldParseTypedTipFieldsAndConsents() {
        // given
        var yaml = """
                - reference: T-1
                  exploitationType: forced_labour
                  childInvolved: yes
                  victimCount: 4
                  needs: [shelter, food]
                  consents: { share_services: true, callback: false }
                """;

        // when
        var result = SampleTips.parse(yaml, "tips.yaml");

        // then
        assertThat(result).isInstanceOfSatisfying(SampleTips.Result.Parsed.class, p -> assertThat(p.tips())
                .singleElement().isEqualTo(Map.of("reference", "T-1", "exploitationType", "forced_labour",
                        "childInvolved", true, "victimCount", 4, "needs", List.of("shelter", "food"),
                        "consents", Map.of("share_services", true, "callback", false))));
    }

    @Test
    void shouldReportEveryBadTipFieldWithItsLine() {
        // given
        var yaml = """
                - reference: T-1
                  exploitationTyp: forced_labour
                - reference: T-2
                  victimCount: many
                  consents: { share_everything: true }
                """;

        // when
        var result = SampleTips.parse(yaml, "tips.yaml");

        // then
        assertThat(result).isInstanceOfSatisfying(SampleTips.Result.Invalid.class, i -> assertThat(i.problems())
                .extracting(Problem::code, Problem::line, Problem::path)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(ProblemCodes.UNKNOWN_KEY, 2, "tips[0].exploitationTyp"),
                        org.assertj.core.groups.Tuple.tuple(ProblemCodes.INVALID_VALUE, 4, "tips[1].victimCount"),
                        org.assertj.core.groups.Tuple.tuple(ProblemCodes.UNKNOWN_KEY, 5,
                                "tips[1].consents.share_everything")));
    }

    @Test
    void shouldRejectAFileThatIsNotAListOrNotYaml() {
        // when
        var notAList = SampleTips.parse("reference: T-1\n", "tips.yaml");
        var notYaml = SampleTips.parse("- reference: \"T-1\n", "tips.yaml");

        // then
        assertThat(notAList).isInstanceOfSatisfying(SampleTips.Result.Invalid.class, i -> assertThat(i.problems())
                .extracting(Problem::code).containsExactly(ProblemCodes.WRONG_TYPE));
        assertThat(notYaml).isInstanceOfSatisfying(SampleTips.Result.Invalid.class, i -> assertThat(i.problems())
                .extracting(Problem::code).containsExactly(ProblemCodes.YAML_SYNTAX));
    }
}

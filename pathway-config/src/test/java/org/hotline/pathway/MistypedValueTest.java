package org.hotline.pathway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hotline.pathway.Fixtures.lineOf;
import static org.hotline.pathway.Fixtures.with;

import org.junit.jupiter.api.Test;

/** A typo in an enumerated value is an error at its line that names the value meant, never a rule that stays silent. */
class MistypedValueTest {

    @Test
    void shouldRefuseAMistypedCallerRoleWithItsLineAndTheRoleMeant() {
        // given a rule for witnesses with the role mistyped
        String doc = with("when: { exploitation_type: sexual_exploitation }",
                "when: { exploitation_type: sexual_exploitation, caller_role: witnes }");

        // when
        LoadResult result = Fixtures.load(doc);

        // then the file is refused, pointing at the line, saying what was meant
        assertThat(result).isInstanceOf(LoadResult.Invalid.class);
        assertThat(((LoadResult.Invalid) result).problems()).singleElement().satisfies(p -> {
            assertThat(p.code()).isEqualTo(ProblemCodes.UNKNOWN_CALLER_ROLE);
            assertThat(p.isError()).isTrue();
            assertThat(p.line()).isEqualTo(lineOf(doc, "caller_role: witnes"));
            assertThat(p.message()).contains("'witnes'").contains("did you mean 'witness'?");
        });
    }

    @Test
    void shouldNameTheValueMeantForMistypedRegionsAgenciesAndProfiles() {
        // given three typos in one rule
        String doc = with("when: { exploitation_type: forced_labour }",
                "when: { exploitation_type: forced_labour, region: [MO, M0] }")
                .replace("{ agency: labour, profile: labour,", "{ agency: labuor, profile: labor,");

        // when
        LoadResult result = Fixtures.load(doc);

        // then each is an error with its hint
        assertThat(result).isInstanceOf(LoadResult.Invalid.class);
        assertThat(((LoadResult.Invalid) result).problems()).extracting(Problem::message)
                .anySatisfy(m -> assertThat(m).contains("'M0'").contains("did you mean 'MO'?"))
                .anySatisfy(m -> assertThat(m).contains("'labuor'").contains("did you mean 'labour'?"))
                .anySatisfy(m -> assertThat(m).contains("'labor'").contains("did you mean 'labour'?"));
    }

    @Test
    void shouldNotGuessWhenNothingKnownIsClose() {
        // given a caller role that is no typo of a known one
        String doc = with("when: { exploitation_type: sexual_exploitation }",
                "when: { exploitation_type: sexual_exploitation, caller_role: journalist }");

        // when
        LoadResult result = Fixtures.load(doc);

        // then it is refused without a guess
        assertThat(((LoadResult.Invalid) result).problems()).singleElement().satisfies(p ->
                assertThat(p.message()).contains("'journalist'").doesNotContain("did you mean"));
    }

    @Test
    void shouldSuggestTheKeyMeantForAMistypedKey() {
        // given
        String doc = with("  country: LR\n", "  country: LR\n  contry: LR\n");

        // when
        LoadResult result = Fixtures.load(doc);

        // then
        assertThat(((LoadResult.Invalid) result).problems()).anySatisfy(p -> {
            assertThat(p.code()).isEqualTo(ProblemCodes.UNKNOWN_KEY);
            assertThat(p.message()).contains("did you mean 'country'?");
        });
    }
}

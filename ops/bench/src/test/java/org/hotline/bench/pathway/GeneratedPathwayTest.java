package org.hotline.bench.pathway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Set;
import org.hotline.pathway.LoadResult;
import org.hotline.pathway.Pathway;
import org.hotline.pathway.PathwayLoader;
import org.hotline.pathway.Recipient;
import org.hotline.pathway.Routing;
import org.hotline.pathway.TipFacts;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class GeneratedPathwayTest {

    @ParameterizedTest
    @ValueSource(ints = {10, 100, 1_000})
    void shouldLoadAPathwayWithTheRequestedNumberOfRules(int rules) {
        // given / when
        Pathway pathway = GeneratedPathway.load(rules);

        // then
        assertThat(pathway.definition().rules()).hasSize(rules);
    }

    @Test
    void shouldRouteATipByTheRuleForItsNationalityRegionAndType() {
        // given: rule-700 is the 701st rule (after the child rule): nationality of 700, second region
        Pathway pathway = GeneratedPathway.load(1_000);
        TipFacts tip = new TipFacts(GeneratedPathway.TYPES.get(700 % 8), "R1", false, false,
                GeneratedPathway.nationality(700), false, "victim", Set.of());

        // when
        Routing routing = pathway.route(tip);

        // then
        assertThat(routing.fallbackUsed()).isFalse();
        assertThat(routing.recipients()).extracting(Recipient::agencyId).containsExactly("agency-" + (700 % 5));
    }

    @Test
    void shouldSendEveryForcedLabourTipToAllAgenciesWhenReferringToAll() {
        // given
        String yaml = GeneratedPathway.yaml(2, List.of("http://127.0.0.1:9/a", "http://127.0.0.1:9/b",
                "http://127.0.0.1:9/c"), true);
        Pathway pathway = ((LoadResult.Valid) PathwayLoader.load(yaml, "all.yaml", GeneratedPathway.secrets(3)))
                .pathway();

        // when
        Routing routing = pathway.route(new TipFacts("forced_labour", "R0", false, false, null, false, "victim",
                Set.of()));

        // then
        assertThat(routing.recipients()).extracting(Recipient::agencyId)
                .containsExactlyInAnyOrder("agency-0", "agency-1", "agency-2");
    }

    @Test
    void shouldRefuseFewerThanTwoRulesOrNoAgency() {
        assertThatThrownBy(() -> GeneratedPathway.yaml(1, List.of("http://127.0.0.1:9/a"), false))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> GeneratedPathway.yaml(10, List.of(), false))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void shouldGenerateTheSameTipsForTheSameSeed() {
        assertThat(GeneratedPathway.tips(100, 50, 7)).containsExactly(GeneratedPathway.tips(100, 50, 7));
        assertThat(GeneratedPathway.tips(100, 50, 7)).isNotEqualTo(GeneratedPathway.tips(100, 50, 8));
    }
}

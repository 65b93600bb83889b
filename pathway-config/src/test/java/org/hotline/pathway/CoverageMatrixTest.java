package org.hotline.pathway;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CoverageMatrixTest {

    @Test
    void shouldListAgenciesForEveryTypeRegionAndAgeGroupAndFlagFallbackOnlyCells() {
        // given a third type no rule covers for adults
        var pathway = Fixtures.valid(Fixtures.with("exploitation_types: [forced_labour, sexual_exploitation]",
                "exploitation_types: [forced_labour, sexual_exploitation, forced_begging]"));

        // when
        var matrix = CoverageMatrix.of(pathway);

        // then
        assertThat(matrix.cells()).hasSize(3 * 2 * 2);
        assertThat(matrix.cells().getFirst()).isEqualTo(
                new CoverageMatrix.Cell("forced_labour", "MO", false, java.util.List.of("labour"), false));
        assertThat(matrix.gaps()).extracting(CoverageMatrix.Cell::exploitationType, CoverageMatrix.Cell::region,
                        CoverageMatrix.Cell::child, CoverageMatrix.Cell::agencies)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("forced_begging", "MO", false, java.util.List.of("coordinator")),
                        org.assertj.core.groups.Tuple.tuple("forced_begging", "NI", false, java.util.List.of("coordinator")));
    }
}

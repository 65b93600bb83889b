package org.hotline.core.stats;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import org.hotline.core.stats.internal.Suppression;
import org.junit.jupiter.api.Test;

class SuppressionTest {

    private static Map<String, Long> counts(Object... pairs) {
        Map<String, Long> map = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put((String) pairs[i], ((Integer) pairs[i + 1]).longValue());
        }
        return map;
    }

    @Test
    void shouldHideTheNextSmallestCellWhenOnlyOneIsSmall() {
        // given / when
        Map<String, Cell> cells = Suppression.protect(counts("a", 20, "b", 7, "c", 3, "d", 0), 5);
        // then
        assertThat(cells).containsExactly(Map.entry("a", new Cell.Count(20)), Map.entry("b", new Cell.Suppressed()),
                Map.entry("c", new Cell.Suppressed()), Map.entry("d", new Cell.Count(0)));
    }

    @Test
    void shouldHideNothingMoreWhenTwoCellsAreAlreadySmall() {
        // given / when
        Map<String, Cell> cells = Suppression.protect(counts("a", 20, "b", 7, "c", 3, "d", 1), 5);
        // then
        assertThat(cells).containsEntry("a", new Cell.Count(20)).containsEntry("b", new Cell.Count(7))
                .containsEntry("c", new Cell.Suppressed()).containsEntry("d", new Cell.Suppressed());
    }

    @Test
    void shouldShowEverythingWhenNoCellIsSmall() {
        // given / when / then
        assertThat(Suppression.protect(counts("a", 5, "b", 0), 5))
                .containsExactly(Map.entry("a", new Cell.Count(5)), Map.entry("b", new Cell.Count(0)));
    }
}

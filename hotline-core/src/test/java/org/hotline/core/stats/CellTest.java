package org.hotline.core.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.hotline.core.stats.internal.Percentile;
import org.junit.jupiter.api.Test;

class CellTest {

    @Test
    void shouldSuppressCountsFromOneToBelowTheThresholdButShowZero() {
        // given / when / then
        assertThat(Cell.of(0, 5)).isEqualTo(new Cell.Count(0));
        assertThat(Cell.of(1, 5)).isEqualTo(new Cell.Suppressed());
        assertThat(Cell.of(4, 5)).isEqualTo(new Cell.Suppressed());
        assertThat(Cell.of(5, 5)).isEqualTo(new Cell.Count(5));
        assertThatThrownBy(() -> Cell.of(-1, 5)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void shouldSuppressMeasuresFromFewCases() {
        // given / when / then
        assertThat(Measure.of(0.5, 0, 5)).isEqualTo(new Measure.Missing());
        assertThat(Measure.of(0.5, 4, 5)).isEqualTo(new Measure.Suppressed());
        assertThat(Measure.of(0.5, 5, 5)).isEqualTo(new Measure.Value(0.5));
    }

    @Test
    void shouldTakeNearestRankPercentiles() {
        // given
        double[] minutes = {10, 1, 9, 2, 8, 3, 7, 4, 6, 5};
        // when / then
        assertThat(Percentile.of(minutes, 50)).isEqualTo(5);
        assertThat(Percentile.of(minutes, 90)).isEqualTo(9);
        assertThat(Percentile.of(new double[] {42}, 90)).isEqualTo(42);
        assertThatThrownBy(() -> Percentile.of(new double[0], 50)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Percentile.of(minutes, 0)).isInstanceOf(IllegalArgumentException.class);
    }
}

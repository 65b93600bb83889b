package org.hotline.core.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.hotline.core.metrics.HotlineMetrics;
import org.junit.jupiter.api.Test;

class ReadinessTest {

    private final HotlineMetrics metrics = new HotlineMetrics(false);

    @Test
    void shouldBeReadyWhenEveryPartIsUpAndNotDraining() {
        // given
        Readiness readiness = new Readiness(metrics).register("mongodb", () -> true, "MongoDB is unreachable")
                .register("journal", () -> true, "journal closed");

        // when
        Readiness.Report report = readiness.evaluate();

        // then
        assertThat(report.ready()).isTrue();
        assertThat(report.reasons()).isEmpty();
        assertThat(report.toJson().getJsonObject("components").getBoolean("mongodb")).isTrue();
        assertThat(metrics.scrape()).contains("hotline_component_up{component=\"journal\",} 1.0");
    }

    @Test
    void shouldCountAThrowingCheckAsDownAndGiveItsReason() {
        // given
        Readiness readiness = new Readiness(metrics).register("mongodb", () -> {
            throw new IllegalStateException("timed out");
        }, "MongoDB is unreachable").register("fastagi", () -> true, "not listening");

        // when
        Readiness.Report report = readiness.evaluate();

        // then
        assertThat(report.ready()).isFalse();
        assertThat(report.reasons()).containsExactly("MongoDB is unreachable");
        assertThat(report.components()).containsEntry("mongodb", false).containsEntry("fastagi", true);
        assertThat(metrics.scrape()).contains("hotline_component_up{component=\"mongodb\",} 0.0");
    }

    @Test
    void shouldReportNotReadyOnceDrainingEvenWithEveryPartUp() {
        // given
        Readiness readiness = new Readiness(metrics).register("journal", () -> true, "journal closed");

        // when
        readiness.startDraining();
        Readiness.Report report = readiness.evaluate();

        // then
        assertThat(report.ready()).isFalse();
        assertThat(report.draining()).isTrue();
        assertThat(report.reasons()).containsExactly(Readiness.DRAINING);
        assertThat(metrics.scrape()).contains("hotline_draining 1.0");
    }

    @Test
    void shouldRefuseBadOrDuplicateCheckNames() {
        // given
        Readiness readiness = new Readiness(metrics).register("ami", () -> true, "AMI down");

        // when / then
        assertThatThrownBy(() -> readiness.register("ami", () -> true, "again"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("already registered");
        assertThatThrownBy(() -> readiness.register("Mongo DB", () -> true, "x"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("lower-case name");
        assertThatThrownBy(() -> readiness.register("x", null, "x")).isInstanceOf(IllegalArgumentException.class);
        assertThat(readiness.evaluate().components()).containsOnlyKeys("ami");
    }
}

package org.hotline.core.referral.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class AgencyCircuitsTest {

    private static final Instant T0 = Instant.parse("2026-11-23T10:00:00Z");

    @Test
    void shouldOpenAfterThresholdFailuresInARowAndOnlyForThatAgency() {
        // given
        AgencyCircuits circuits = new AgencyCircuits(3, Duration.ofMinutes(1));

        // when
        boolean first = circuits.failure("police", T0);
        circuits.failure("police", T0);
        boolean third = circuits.failure("police", T0);
        circuits.failure("labour", T0);

        // then
        assertThat(first).isFalse();
        assertThat(third).isTrue();
        assertThat(circuits.open(T0)).containsExactly("police");
    }

    @Test
    void shouldLetOneAttemptThroughAfterCoolDownAndReopenWhenItFails() {
        // given
        AgencyCircuits circuits = new AgencyCircuits(2, Duration.ofMinutes(1));
        circuits.failure("police", T0);
        circuits.failure("police", T0);

        // when
        Instant later = T0.plus(Duration.ofMinutes(1));
        boolean closedForTrial = circuits.open(later).isEmpty();
        circuits.failure("police", later);

        // then
        assertThat(closedForTrial).isTrue();
        assertThat(circuits.open(later)).containsExactly("police");
        assertThat(circuits.open(later.plus(Duration.ofMinutes(1)))).isEmpty();
    }

    @Test
    void shouldCloseAndForgetFailuresAfterSuccess() {
        // given
        AgencyCircuits circuits = new AgencyCircuits(2, Duration.ofMinutes(1));
        circuits.failure("police", T0);
        circuits.failure("police", T0);

        // when
        circuits.success("police");
        circuits.failure("police", T0);

        // then
        assertThat(circuits.open(T0)).isEmpty();
    }
}

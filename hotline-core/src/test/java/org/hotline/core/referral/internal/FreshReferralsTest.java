package org.hotline.core.referral.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class FreshReferralsTest {

    @Test
    void shouldHandOutTheMostUrgentFirstThenTheOldest() {
        // given
        FreshReferrals fresh = new FreshReferrals(10);
        fresh.offer("t1:labour", "labour", 2);
        fresh.offer("t2:police", "police", 0);
        fresh.offer("t1:social", "social", 2);
        fresh.offer("t3:police", "police", 0);

        // when / then
        assertThat(fresh.poll().id()).isEqualTo("t2:police");
        assertThat(fresh.poll().id()).isEqualTo("t3:police");
        assertThat(fresh.poll().id()).isEqualTo("t1:labour");
        assertThat(fresh.poll().id()).isEqualTo("t1:social");
        assertThat(fresh.poll()).isNull();
    }

    @Test
    void shouldRefuseBeyondItsCapacityAndKeepWhatItHolds() {
        // given
        FreshReferrals fresh = new FreshReferrals(2);
        assertThat(fresh.offer("a", "police", 1)).isTrue();
        assertThat(fresh.offer("b", "police", 1)).isTrue();

        // when
        boolean third = fresh.offer("c", "police", 0);

        // then: the outbox poll finds the one left out
        assertThat(third).isFalse();
        assertThat(fresh.size()).isEqualTo(2);
        assertThat(fresh.poll().id()).isEqualTo("a");
    }

    @Test
    void shouldRefuseANonPositiveCapacity() {
        assertThatThrownBy(() -> new FreshReferrals(0)).hasMessageContaining("capacity");
    }
}

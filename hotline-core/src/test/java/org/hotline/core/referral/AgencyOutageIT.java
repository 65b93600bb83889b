package org.hotline.core.referral;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hotline.core.referral.DispatchTestBed.DANGER_ONLY;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.hotline.core.testsupport.RecordingAgency;
import org.hotline.pathway.Pathway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An agency that refuses connections for a long time, driven with the stepping clock (no waiting). */
class AgencyOutageIT {

    private static final String ID = "tip-out:police";

    @TempDir
    Path dataDir;

    private DispatchTestBed bed;

    @BeforeEach
    void setUp() {
        bed = new DispatchTestBed(dataDir);
    }

    @AfterEach
    void tearDown() throws Exception {
        bed.close();
    }

    @Test
    void shouldDeliverExactlyOnceWhenAgencyIsDownFor24SimulatedHoursThenBack() {
        // given
        Dispatch node = bed.node(withoutCircuit().build());
        RecordingAgency police = bed.agency();
        bed.insertTip("tip-out", "D0WN1");
        DispatchTestBed.refer(node, "tip-out", "D0WN1", DANGER_ONLY, DispatchTestBed.pathway(police, null));
        police.stop();
        Instant back = DispatchTestBed.T0.plus(Duration.ofHours(24));

        // when: every due retry during the outage is attempted and refused
        while (bed.clock.instant().isBefore(back)) {
            assertThat(node.worker().dispatchOnce()).isEqualTo(1);
            Referral failed = node.referrals().find(ID).orElseThrow();
            assertThat(failed.state()).isEqualTo(ReferralState.FAILED);
            bed.clock.advanceTo(failed.nextAttemptAt());
        }
        police.restart();
        node.worker().dispatchOnce();

        // then
        Referral referral = node.referrals().find(ID).orElseThrow();
        assertThat(referral.state()).isEqualTo(ReferralState.DELIVERED);
        assertThat(police.requests()).hasSize(1);
        assertThat(police.effectiveDeliveries()).containsOnlyKeys(referral.idempotencyKey());
        List<Referral.Attempt> attempts = referral.attempts();
        assertThat(attempts.subList(0, attempts.size() - 1)).allSatisfy(a -> {
            assertThat(a.result()).isEqualTo("retry");
            // mostly refused; a connection the closing server had already accepted may be reset instead
            assertThat(a.error()).matches("connection (refused|lost): .*");
        });
        assertSpacingFollowsBackoff(attempts);
        assertThat(bed.stateOn("tip-out", "police").state()).isEqualTo("DELIVERED");
    }

    @Test
    void shouldDeadLetterWhenAgencyStaysDownPastGiveUpAge() {
        // given
        Dispatch node = bed.node(withoutCircuit().giveUpAfter(Duration.ofHours(6)).build());
        RecordingAgency police = bed.agency();
        DispatchTestBed.refer(node, "tip-out", "D0WN2", DANGER_ONLY, DispatchTestBed.pathway(police, null));
        police.stop();

        // when
        bed.runUntil(node, () -> node.referrals().find(ID).orElseThrow().state() == ReferralState.DEAD_LETTER, 200);

        // then
        Referral referral = node.referrals().find(ID).orElseThrow();
        assertThat(referral.state()).isEqualTo(ReferralState.DEAD_LETTER);
        assertThat(referral.lastError()).startsWith("gave up after PT6H").contains("connection refused");
        assertThat(bed.clock.instant()).isAfterOrEqualTo(DispatchTestBed.T0.plus(Duration.ofHours(6)));
        bed.clock.advance(Duration.ofDays(2));
        assertThat(node.worker().dispatchOnce()).isZero();
    }

    @Test
    void shouldDeadLetterAfterMaxAttempts() {
        // given
        Dispatch node = bed.node(withoutCircuit().maxAttempts(3).build());
        RecordingAgency police = bed.agency().byDefault(503, Duration.ZERO);
        DispatchTestBed.refer(node, "tip-out", "D0WN3", DANGER_ONLY, DispatchTestBed.pathway(police, null));

        // when
        bed.runUntil(node, () -> node.referrals().find(ID).orElseThrow().state() == ReferralState.DEAD_LETTER, 10);

        // then
        Referral referral = node.referrals().find(ID).orElseThrow();
        assertThat(referral.state()).isEqualTo(ReferralState.DEAD_LETTER);
        assertThat(referral.attempts()).hasSize(3);
        assertThat(referral.lastError()).isEqualTo("gave up after 3 attempts; last error: HTTP 503 Service Unavailable");
        assertThat(police.requests()).hasSize(3);
    }

    @Test
    void shouldStopClaimingAgencyWhileItsCircuitIsOpenAndKeepOthersFlowing() {
        // given: police is down, labour is up
        Dispatch node = bed.node(DispatchTestBed.config("node-a").circuitThreshold(2)
                .circuitOpenFor(Duration.ofMinutes(1)).build());
        RecordingAgency police = bed.agency();
        RecordingAgency labour = bed.agency();
        Pathway pathway = DispatchTestBed.pathway(police, labour);
        DispatchTestBed.refer(node, "tip-1", "C1RC1", DispatchTestBed.TIP_FIELDS, pathway);
        for (int i = 2; i <= 4; i++) {
            DispatchTestBed.refer(node, "tip-" + i, "C1RC" + i, DANGER_ONLY, pathway);
        }
        police.stop();

        // when
        int whileClosed = node.worker().dispatchOnce();
        bed.clock.advance(Duration.ofMinutes(1));
        int trialWhileStillDown = node.worker().dispatchOnce();
        police.restart();
        bed.clock.advance(Duration.ofMinutes(1));
        int afterRecovery = node.worker().dispatchOnce();

        // then
        assertThat(whileClosed).isEqualTo(3);
        assertThat(labour.requests()).hasSize(1);
        assertThat(trialWhileStillDown).isEqualTo(1);
        assertThat(afterRecovery).isEqualTo(4);
        assertThat(police.effectiveDeliveries()).hasSize(4);
        assertThat(police.requests()).hasSize(4);
    }

    /** These tests follow one referral's own retry schedule, which an open circuit would only delay. */
    private static DispatchConfig.Builder withoutCircuit() {
        return DispatchTestBed.config("node-a").circuitThreshold(10_000);
    }

    /** Fast retries grow from the base; later ones wait between half and all of the maximum. */
    private static void assertSpacingFollowsBackoff(List<Referral.Attempt> attempts) {
        Duration max = DispatchConfig.DEFAULT_BACKOFF_MAX;
        for (int i = 1; i < attempts.size(); i++) {
            Duration gap = Duration.between(attempts.get(i - 1).at(), attempts.get(i).at());
            assertThat(gap).isLessThanOrEqualTo(max);
            if (i > DispatchConfig.DEFAULT_FAST_RETRIES) {
                assertThat(gap).isGreaterThanOrEqualTo(max.dividedBy(2));
            }
        }
        assertThat(attempts.size()).isBetween((int) (Duration.ofHours(24).toMinutes() / 15), (int) (Duration.ofHours(24).toMinutes() / 7) + 10);
    }
}

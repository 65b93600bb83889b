package org.hotline.core.referral;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.hotline.core.e2e.TestFiles;
import org.hotline.core.pathway.ActivePathway;
import org.hotline.core.storage.RoundTrips;
import org.hotline.core.testsupport.SteppingClock;
import org.hotline.core.tip.Tip;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A batch of stored tips is routed as one: every case gets the referrals it would get alone, for two round trips
 * for the whole batch; a case the outbox refuses holds back no other, and the sweeper looks for it at once.
 */
class BatchRoutingIT {

    @TempDir
    Path dir;

    private CaseBed bed;
    private CaseBed.Parts node;
    /** An hour ahead of the wall clock, which stamps the stored tips: each is older than the sweep's cutoff. */
    private final SteppingClock clock = new SteppingClock(Instant.now().plus(Duration.ofHours(1)));

    @BeforeEach
    void start() {
        bed = new CaseBed(dir);
        node = bed.parts(ActivePathway.fromFile(TestFiles.NATIONAL_PATHWAY, TestFiles.LOCAL_AGENCIES).get(), clock);
    }

    @AfterEach
    void stop() {
        bed.close();
    }

    @Test
    void shouldRouteABatchWithOneReferralWriteAndOneRoutingWriteForAllItsTips() {
        // given ten stored reports of forced labour
        List<Tip> stored = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            stored.add(bed.tips.find(forcedLabour("10000010" + i)).orElseThrow());
        }
        long insertsBefore = count("insert", "referrals");
        long updatesBefore = count("update", "tips");

        // when the writer hands them on as one batch
        node.router().routeAll(stored);

        // then each is referred to the labour inspectorate and marked routed, in one round trip each
        for (Tip tip : stored) {
            assertThat(bed.referralsOf(tip.id())).extracting(d -> d.getString("agencyId")).contains("mol-labour");
            assertThat(bed.tip(tip.id()).getString("status")).isEqualTo("REFERRED");
            assertThat(bed.tips.find(tip.id()).orElseThrow().recipients()).extracting(Tip.RoutedTo::agencyId)
                    .contains("mol-labour");
        }
        assertThat(count("insert", "referrals") - insertsBefore).isEqualTo(1);
        assertThat(count("update", "tips") - updatesBefore).isEqualTo(1);
    }

    @Test
    void shouldRouteTheOtherTipsOfABatchWhenOneCaseIsRefused() {
        // given a batch in which one stored tip lost its reference (the outbox refuses a case without one)
        String good1 = forcedLabour("100000201");
        String bad = forcedLabour("100000202");
        String good2 = forcedLabour("100000203");
        List<Tip> batch = List.of(bed.tips.find(good1).orElseThrow(), withoutReference(bed.tips.find(bad).orElseThrow()),
                bed.tips.find(good2).orElseThrow());

        // when
        node.router().routeAll(batch);

        // then the good ones are referred and the refused one waits, unrouted, for the sweeper
        assertThat(bed.referralsOf(good1)).isNotEmpty();
        assertThat(bed.referralsOf(good2)).isNotEmpty();
        assertThat(bed.referralsOf(bad)).isEmpty();
        assertThat(bed.tip(bad).getBoolean("routed")).isFalse();
    }

    @Test
    void shouldSweepAfterStartAndAfterAFailedRoutingAndOtherwiseOncePerPeriod() {
        // given a node that just started, with a tip a crash left unrouted
        String left = forcedLabour("100000301");
        Duration after = Duration.ofSeconds(5);
        Duration every = Duration.ofMinutes(1);

        // then the first sweep after the start routes it
        assertThat(node.router().sweepIfDue(after, every)).isEqualTo(1);
        assertThat(bed.referralsOf(left)).isNotEmpty();

        // and later, with no failure, the sweeper does not read the tips again before its period
        clock.advance(Duration.ofSeconds(31));
        String unrouted = forcedLabour("100000302");
        assertThat(node.router().sweepIfDue(after, every)).isEqualTo(-1);
        assertThat(bed.referralsOf(unrouted)).isEmpty();

        // when a routing fails
        Tip refused = withoutReference(bed.tips.find(forcedLabour("100000303")).orElseThrow());
        assertThatThrownBy(() -> node.router().routeAll(List.of(refused))).isInstanceOf(RuntimeException.class);

        // then the next turn sweeps, and once the window has passed the period applies again
        assertThat(node.router().sweepIfDue(after, every)).isGreaterThanOrEqualTo(1);
        assertThat(bed.referralsOf(unrouted)).isNotEmpty();
        clock.advance(Duration.ofSeconds(31));
        assertThat(node.router().sweepIfDue(after, every)).isEqualTo(-1);
        clock.advance(Duration.ofSeconds(30));
        assertThat(node.router().sweepIfDue(after, every)).isGreaterThanOrEqualTo(0);
    }

    private String forcedLabour(String reference) {
        return bed.storeTip(reference, "ivr", "COMPLETED", Map.of("exploitationType", "forced_labour", "region", "MO"),
                List.of(), null);
    }

    private static Tip withoutReference(Tip tip) {
        return new Tip(tip.id(), null, tip.receivedAt(), tip.source(), tip.outcome(), tip.status(), tip.fields(),
                tip.consents(), tip.callerNumber(), tip.recording(), tip.callbackEffective(), tip.legalHold(),
                tip.purged(), tip.lastNode(), tip.routingNote(), tip.pathwayVersion(), tip.recipients(),
                tip.flowVersion(), tip.afterHours(), tip.dangerCallerNumber());
    }

    private long count(String command, String collection) {
        return bed.mongo.roundTrips().snapshot().getOrDefault(new RoundTrips.Kind(command, collection), 0L);
    }
}

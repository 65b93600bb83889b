package org.hotline.core.referral;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hotline.core.referral.DispatchTestBed.DANGER_ONLY;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.bson.Document;
import org.hotline.core.referral.internal.MongoReferralStore;
import org.hotline.core.testsupport.RecordingAgency;
import org.hotline.pathway.Pathway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Several nodes on one MongoDB: claims are exclusive and a dead node's claims are taken over. */
class MultiNodeDispatchIT {

    @TempDir
    Path dataDir;

    private DispatchTestBed bed;
    private Dispatch nodeA;
    private Dispatch nodeB;

    @BeforeEach
    void setUp() {
        bed = new DispatchTestBed(dataDir);
        nodeA = bed.node(DispatchTestBed.config("node-a").build());
        nodeB = bed.node(DispatchTestBed.config("node-b").build(),
                SecretResolver.fromMap(Map.of(DispatchTestBed.SECRET_REF, DispatchTestBed.SECRET)),
                bed.secondConnection());
    }

    @AfterEach
    void tearDown() throws Exception {
        bed.close();
    }

    @Test
    void shouldShareBatchWithoutDoubleSendingWhenTwoNodesRunAtOnce() throws Exception {
        // given
        RecordingAgency police = bed.agency().byDefault(200, Duration.ofMillis(20));
        Pathway pathway = DispatchTestBed.pathway(police, null);
        int tips = 30;
        for (int i = 0; i < tips; i++) {
            bed.insertTip("tip-" + i, "R" + i);
            DispatchTestBed.refer(nodeA, "tip-" + i, "R" + i, DANGER_ONLY, pathway);
        }
        CountDownLatch go = new CountDownLatch(1);

        // when: each node on a thread of its own
        ExecutorService threads = Executors.newFixedThreadPool(2);
        int handled;
        try {
            CompletableFuture<Integer> a = CompletableFuture.supplyAsync(() -> drain(nodeA, go), threads);
            CompletableFuture<Integer> b = CompletableFuture.supplyAsync(() -> drain(nodeB, go), threads);
            go.countDown();
            handled = a.get(60, TimeUnit.SECONDS) + b.get(60, TimeUnit.SECONDS);
        } finally {
            threads.shutdownNow();
        }

        // then
        assertThat(handled).isEqualTo(tips);
        assertThat(police.requests()).hasSize(tips);
        assertThat(police.effectiveDeliveries()).hasSize(tips);
        List<Referral> referrals = IntStream.range(0, tips)
                .mapToObj(i -> nodeA.referrals().find("tip-" + i + ":police").orElseThrow()).toList();
        assertThat(referrals).allSatisfy(r -> {
            assertThat(r.state()).isEqualTo(ReferralState.DELIVERED);
            assertThat(r.attempts()).hasSize(1);
        });
        Set<String> nodes = referrals.stream().map(r -> r.attempts().get(0).node()).collect(Collectors.toSet());
        assertThat(nodes).containsExactlyInAnyOrder("node-a", "node-b");
    }

    @Test
    void shouldTakeOverClaimOfCrashedNodeOnlyAfterLeaseExpires() {
        // given: a node claimed the referral and died before recording anything
        RecordingAgency police = bed.agency();
        DispatchTestBed.refer(nodeA, "tip-c", "CR4SH", DANGER_ONLY, DispatchTestBed.pathway(police, null));
        Instant now = bed.clock.instant();
        MongoReferralStore store = new MongoReferralStore(bed.mongo.database());
        assertThat(store.claimNext("node-crashed", "lost-token", now, now.plusSeconds(30), Set.of())).isPresent();

        // when
        int beforeExpiry = nodeB.worker().dispatchOnce();
        bed.clock.advance(Duration.ofSeconds(30));
        int afterExpiry = nodeB.worker().dispatchOnce();

        // then
        assertThat(beforeExpiry).isZero();
        assertThat(afterExpiry).isEqualTo(1);
        Referral referral = nodeB.referrals().find("tip-c:police").orElseThrow();
        assertThat(referral.state()).isEqualTo(ReferralState.DELIVERED);
        assertThat(referral.attempts()).singleElement().satisfies(a -> assertThat(a.node()).isEqualTo("node-b"));
        assertThat(police.requests()).hasSize(1);
    }

    @Test
    void shouldIgnoreLateResultOfNodeWhoseLeaseWasTakenOver() {
        // given: node-crashed's lease ran out and node-b delivered the referral
        RecordingAgency police = bed.agency();
        DispatchTestBed.refer(nodeA, "tip-l", "L4TE1", DANGER_ONLY, DispatchTestBed.pathway(police, null));
        Instant now = bed.clock.instant();
        MongoReferralStore store = new MongoReferralStore(bed.mongo.database());
        store.claimNext("node-crashed", "old-token", now, now.plusSeconds(30), Set.of());
        bed.clock.advance(Duration.ofSeconds(31));
        nodeB.worker().dispatchOnce();

        // when: the slow node finally reports a failure with its old lease
        boolean recorded = store.markFailed("tip-l:police", "old-token", new Document("result", "retry"),
                "late", bed.clock.instant(), bed.clock.instant().plusSeconds(5));

        // then
        assertThat(recorded).isFalse();
        Referral referral = nodeA.referrals().find("tip-l:police").orElseThrow();
        assertThat(referral.state()).isEqualTo(ReferralState.DELIVERED);
        assertThat(referral.attempts()).hasSize(1);
    }

    private static int drain(Dispatch node, CountDownLatch go) {
        try {
            go.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 0;
        }
        int total = 0;
        for (int n = node.worker().dispatchOnce(); n > 0; n = node.worker().dispatchOnce()) {
            total += n;
        }
        return total;
    }
}

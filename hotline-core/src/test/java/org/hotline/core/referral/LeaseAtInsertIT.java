package org.hotline.core.referral;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hotline.core.referral.DispatchTestBed.DANGER_ONLY;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.bson.Document;
import org.hotline.core.referral.internal.MongoReferralStore;
import org.hotline.core.storage.RoundTrips;
import org.hotline.core.testsupport.RecordingAgency;
import org.hotline.pathway.Pathway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A node whose dispatch threads are idle leases the referrals it creates to itself as it inserts them, and sends
 * them without a claim of their own; whatever it cannot send at once is inserted PENDING, and a lease that ran
 * low or was taken over is renewed or left alone, never used blindly.
 */
class LeaseAtInsertIT {

    @TempDir
    Path dataDir;

    private DispatchTestBed bed;
    private RecordingAgency police;
    private Pathway pathway;
    private MongoCollection<Document> referrals;

    @BeforeEach
    void setUp() {
        bed = new DispatchTestBed(dataDir);
        police = bed.agency();
        pathway = DispatchTestBed.pathway(police, null);
        referrals = bed.mongo.database().getCollection("referrals");
    }

    @AfterEach
    void tearDown() throws Exception {
        bed.close();
    }

    @Test
    void shouldSendNewReferralsUnderTheLeasesTheyWereInsertedWithWithoutAClaim() {
        // given: idle threads, and a poll interval far longer than the test
        RecordingAgency labour = bed.agency();
        Dispatch node = bed.node(DispatchTestBed.config("node-a").pollInterval(Duration.ofHours(1)).build());
        node.worker().start();
        await().atMost(Duration.ofSeconds(5)).until(() -> node.worker().dispatchOnce() == 0);
        long claimsBefore = findAndModifies();

        // when: a case for the police (IMMEDIATE) and the labour inspectorate (NORMAL)
        DispatchTestBed.refer(node, "tip-l", "L3A5E", DispatchTestBed.TIP_FIELDS,
                DispatchTestBed.pathway(police, labour));

        // then: both delivered, neither needed a claim of its own
        await().atMost(Duration.ofSeconds(10)).until(() -> police.requests().size() == 1 && labour.requests().size() == 1);
        await().atMost(Duration.ofSeconds(5)).until(() ->
                node.referrals().find("tip-l:police").orElseThrow().state() == ReferralState.DELIVERED
                        && node.referrals().find("tip-l:labour").orElseThrow().state() == ReferralState.DELIVERED);
        assertThat(findAndModifies() - claimsBefore).isZero();
        Document stored = referrals.find(Filters.eq("_id", "tip-l:police")).first();
        assertThat(stored.getInteger("attemptCount")).isEqualTo(1);
        assertThat(stored.containsKey("leaseToken")).isFalse();
    }

    @Test
    void shouldLeaseTheMostUrgentWhenThereAreFewerIdleThreadsThanReferralsAndClaimTheRestById() {
        // given: one idle thread; the labour inspectorate answers, the police hangs
        RecordingAgency labour = bed.agency();
        police.thenHang();
        Dispatch node = bed.node(DispatchTestBed.config("node-a").workerThreads(1)
                .pollInterval(Duration.ofHours(1)).build());
        node.worker().start();
        await().atMost(Duration.ofSeconds(5)).until(() -> node.worker().dispatchOnce() == 0);

        // when
        DispatchTestBed.refer(node, "tip-u", "U4G3N", DispatchTestBed.TIP_FIELDS,
                DispatchTestBed.pathway(police, labour));

        // then: the police (IMMEDIATE) got the one lease and is being sent; labour waits PENDING for a claim by id
        await().atMost(Duration.ofSeconds(10)).until(() -> police.requests().size() == 1);
        assertThat(referrals.find(Filters.eq("_id", "tip-u:police")).first().getString("leaseOwner")).isEqualTo("node-a");
        assertThat(referrals.find(Filters.eq("_id", "tip-u:labour")).first().getString("state")).isEqualTo("PENDING");
        long claimsBefore = findAndModifies();

        // and when the police's attempt ends (its response timeout), the thread claims labour's by id, no poll
        await().atMost(Duration.ofSeconds(30)).until(() -> labour.requests().size() == 1);
        assertThat(findAndModifies() - claimsBefore).isEqualTo(1);
    }

    @Test
    void shouldInsertPendingWhatNoIdleThreadCanSendAtOnce() {
        // given: one thread, busy with an agency that does not answer
        police.thenHang();
        Dispatch node = bed.node(DispatchTestBed.config("node-a").workerThreads(1)
                .pollInterval(Duration.ofHours(1)).build());
        node.worker().start();
        await().atMost(Duration.ofSeconds(5)).until(() -> node.worker().dispatchOnce() == 0);
        DispatchTestBed.refer(node, "tip-h", "H4NG1", DANGER_ONLY, pathway);
        await().atMost(Duration.ofSeconds(10)).until(() -> police.requests().size() == 1);

        // when
        DispatchTestBed.refer(node, "tip-w", "W4IT1", DANGER_ONLY, pathway);

        // then: the first went out under its lease; the second waits unleased, free for any node to send
        Document first = referrals.find(Filters.eq("_id", "tip-h:police")).first();
        Document second = referrals.find(Filters.eq("_id", "tip-w:police")).first();
        assertThat(first.getString("state")).isEqualTo("SENDING");
        assertThat(first.getString("leaseOwner")).isEqualTo("node-a");
        assertThat(second.getString("state")).isEqualTo("PENDING");
        assertThat(second.containsKey("leaseToken")).isFalse();
    }

    @Test
    void shouldRenewALeaseThatRanLowBeforeSendingUnderIt() {
        // given: a referral leased to this node at insert, whose lease has less time left than one attempt
        Dispatch node = takenLeasedBy("tip-r", "R3N3W", Duration.ofSeconds(28));

        // when
        int handled = node.worker().dispatchOnce();

        // then: sent once, under a new lease, and recorded
        assertThat(handled).isEqualTo(1);
        assertThat(police.requests()).hasSize(1);
        assertThat(node.referrals().find("tip-r:police").orElseThrow().state()).isEqualTo(ReferralState.DELIVERED);
    }

    @Test
    void shouldLeaveAReferralWhoseLeaseAnotherNodeTookOver() {
        // given: the lease ran out and another node claimed the referral meanwhile
        Dispatch node = takenLeasedBy("tip-t", "T4K3N", Duration.ofSeconds(31));
        referrals.updateOne(Filters.eq("_id", "tip-t:police"),
                Updates.combine(Updates.set("leaseOwner", "node-b"), Updates.set("leaseToken", "theirs"),
                        Updates.set("leaseUntil", java.util.Date.from(bed.clock.instant().plusSeconds(30)))));

        // when
        int handled = node.worker().dispatchOnce();

        // then: this node sends nothing and changes nothing
        assertThat(handled).isZero();
        assertThat(police.requests()).isEmpty();
        Document stored = referrals.find(Filters.eq("_id", "tip-t:police")).first();
        assertThat(stored.getString("leaseToken")).isEqualTo("theirs");
        assertThat(stored.getString("state")).isEqualTo("SENDING");
    }

    @Test
    void shouldGiveBackOnStopTheLeaseOfANewReferralNoThreadTook() {
        // given
        Dispatch node = takenLeasedBy("tip-s", "ST0P1", Duration.ZERO);

        // when
        node.worker().stop();

        // then: PENDING again, so any node's next poll sends it, not one after the lease ran out
        Document stored = referrals.find(Filters.eq("_id", "tip-s:police")).first();
        assertThat(stored.getString("state")).isEqualTo("PENDING");
        assertThat(stored.containsKey("leaseToken")).isFalse();
        assertThat(node.worker().dispatchOnce()).isEqualTo(1);
        assertThat(police.requests()).hasSize(1);
    }

    @Test
    void shouldInsertPendingWhileTheWorkerIsNotRunning() {
        Dispatch node = bed.node(DispatchTestBed.config("node-a").build());
        Document draft = new Document("_id", "x").append("agencyId", "police");

        assertThat(node.worker().newReferrals().lease(List.of(draft))).containsExactly(draft);
    }

    /**
     * A node-a whose worker (threads not started) was handed a referral leased to it at insert for 30 s, with
     * the clock moved on by {@code later}.
     */
    private Dispatch takenLeasedBy(String tipId, String reference, Duration later) {
        Dispatch node = bed.node(DispatchTestBed.config("node-a").build());
        node.worker().newReferrals().take(List.of(leasedToNodeA(tipId, reference)));
        bed.clock.advance(later);
        return node;
    }

    /** Replaces the PENDING referral a not-running node inserted by the same draft leased to node-a at insert. */
    private Document leasedToNodeA(String tipId, String reference) {
        Dispatch creator = bed.node(DispatchTestBed.config("creator").build());
        DispatchTestBed.refer(creator, tipId, reference, DANGER_ONLY, pathway);
        String id = tipId + ":police";
        Document pending = referrals.find(Filters.eq("_id", id)).first();
        Document leased = MongoReferralStore.leasedDraft(pending, "node-a", "mine", bed.clock.instant(),
                bed.clock.instant().plus(Duration.ofSeconds(30)));
        referrals.replaceOne(Filters.eq("_id", id), leased);
        return leased;
    }

    private long findAndModifies() {
        return bed.mongo.roundTrips().snapshot()
                .getOrDefault(new RoundTrips.Kind("findAndModify", "referrals"), 0L);
    }
}

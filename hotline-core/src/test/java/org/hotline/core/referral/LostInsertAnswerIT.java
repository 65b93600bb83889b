package org.hotline.core.referral;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.mongodb.MongoSocketException;
import com.mongodb.ServerAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.hotline.core.storage.MongoStore;
import org.hotline.core.testsupport.RecordingAgency;
import org.hotline.core.testsupport.mongo.ReplyDroppingProxy;
import org.hotline.pathway.Pathway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * MongoDB stores new referrals and its answer is lost (a blip, a timeout): the insert fails for the node, though
 * the referrals are there, leased to this node by the failed try. They still go out at the next poll, not when
 * their lease runs out, and the repeat of the routing that finds them stored tells its listeners (the duty-officer
 * ring) of them once, without sending anything twice.
 */
class LostInsertAnswerIT {

    @TempDir
    Path dataDir;

    private DispatchTestBed bed;
    private ReplyDroppingProxy proxy;
    private RecordingAgency police;
    private RecordingAgency labour;
    private Pathway pathway;
    private Dispatch node;
    private final List<String> told = new CopyOnWriteArrayList<>();

    @BeforeEach
    void setUp() throws Exception {
        bed = new DispatchTestBed(dataDir);
        police = bed.agency();
        labour = bed.agency();
        pathway = DispatchTestBed.pathway(police, labour);
        ServerAddress server = bed.serverAddress();
        proxy = ReplyDroppingProxy.to(server.getHost(), server.getPort());
        MongoStore throughProxy = bed.connectionThrough(proxy.port());
        // a lease far longer than the test: only a given-back lease lets the referrals out in time
        node = bed.node(DispatchTestBed.config("node-a").pollInterval(Duration.ofMillis(200))
                .leaseDuration(Duration.ofMinutes(10)).build(),
                SecretResolver.fromMap(Map.of(DispatchTestBed.SECRET_REF, DispatchTestBed.SECRET)), throughProxy);
        node.referrals().outbox().onCreated(created -> created.forEach(r -> told.add(r.id())));
        node.worker().start();
        await().atMost(Duration.ofSeconds(5)).until(() -> node.worker().dispatchOnce() == 0);
    }

    @AfterEach
    void tearDown() throws Exception {
        proxy.close();
        bed.close();
    }

    @Test
    void shouldSendReferralsStoredByAnInsertWhoseAnswerWasLostAtTheNextPoll() {
        // given
        proxy.loseNextAnswerTo("insert", "referrals");

        // when
        assertThatThrownBy(() -> DispatchTestBed.refer(node, "tip-lost", "L0ST1", DispatchTestBed.TIP_FIELDS, pathway))
                .isInstanceOf(MongoSocketException.class);

        // then: stored all the same, and sent within the poll interval, not after ten minutes
        assertThat(proxy.lost()).isTrue();
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            assertThat(node.referrals().find("tip-lost:police").orElseThrow().state()).isEqualTo(ReferralState.DELIVERED);
            assertThat(node.referrals().find("tip-lost:labour").orElseThrow().state()).isEqualTo(ReferralState.DELIVERED);
        });
        assertThat(police.requests()).hasSize(1);
        assertThat(labour.requests()).hasSize(1);
    }

    @Test
    void shouldTellOfStoredReferralsOnceWhenTheRoutingIsRepeatedAndSendNothingTwice() {
        // given: the insert's answer was lost, so nobody was told of the referrals it stored
        proxy.loseNextAnswerTo("insert", "referrals");
        assertThatThrownBy(() -> DispatchTestBed.refer(node, "tip-again", "AG41N", DispatchTestBed.TIP_FIELDS, pathway))
                .isInstanceOf(MongoSocketException.class);
        assertThat(told).isEmpty();

        // when: routing runs again, as it does for a tip whose routing failed, and once more
        DispatchTestBed.refer(node, "tip-again", "AG41N", DispatchTestBed.TIP_FIELDS, pathway);
        DispatchTestBed.refer(node, "tip-again", "AG41N", DispatchTestBed.TIP_FIELDS, pathway);

        // then: the duty ring and dispatch heard of each referral once, and each agency got it once
        assertThat(told).containsExactlyInAnyOrder("tip-again:police", "tip-again:labour");
        await().atMost(Duration.ofSeconds(10)).until(() -> police.requests().size() == 1 && labour.requests().size() == 1);
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(3))
                .until(() -> police.requests().size() == 1 && labour.requests().size() == 1);
    }
}

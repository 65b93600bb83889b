package org.hotline.core.referral;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hotline.core.referral.DispatchTestBed.DANGER_ONLY;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.bson.Document;
import org.hotline.core.testsupport.RecordingAgency;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Acknowledgement deadlines (30 minutes for police on immediate danger), swept with the stepping clock. */
class DeadlineEscalationIT {

    private static final String ID = "tip-d:police";
    private static final Duration WINDOW = Duration.ofMinutes(30);

    @TempDir
    Path dataDir;

    private DispatchTestBed bed;
    private Dispatch node;
    private RecordingAgency police;

    @BeforeEach
    void setUp() {
        bed = new DispatchTestBed(dataDir);
        node = bed.node(DispatchTestBed.config("node-a").build());
        police = bed.agency();
        bed.insertTip("tip-d", "D34DL", DANGER_ONLY);
        DispatchTestBed.refer(node, "tip-d", "D34DL", DANGER_ONLY, DispatchTestBed.pathway(police, null));
        node.worker().dispatchOnce();
    }

    @AfterEach
    void tearDown() throws Exception {
        bed.close();
    }

    @Test
    void shouldRemindThenEscalateAlongChainInOrderThenStop() {
        // given
        List<String> chain = node.referrals().find(ID).orElseThrow().escalationChain();
        assertThat(chain).containsExactly("coordinator", "supervisor");

        // when: four windows pass without an acknowledgement
        List<Integer> steps = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            bed.clock.advance(WINDOW);
            steps.add(node.deadlines().sweepOnce());
            node.worker().dispatchOnce();
        }
        bed.clock.advance(Duration.ofDays(3));
        int afterChain = node.deadlines().sweepOnce();

        // then
        assertThat(steps).containsExactly(1, 1, 1, 1);
        assertThat(afterChain).isZero();
        Document referral = referral();
        assertThat(referral.getList("escalations", Document.class))
                .extracting(e -> e.getString("action") + ":" + e.getString("to"))
                .containsExactly("renotify:police", "escalate:coordinator", "escalate:supervisor", "exhausted:supervisor");
        assertThat(police.requests()).hasSize(2);
        assertThat(police.requests().get(1).header("Idempotency-Key"))
                .isEqualTo(police.requests().get(0).header("Idempotency-Key") + ":reminder-1");
        assertThat(police.effectiveDeliveries()).hasSize(2);
        assertThat(bed.mongo.database().getCollection(DeadlineSweeper.ESCALATIONS).countDocuments()).isEqualTo(4);
        assertThat(bed.metrics.registry().getSampleValue("hotline_referral_deadline_breaches_total",
                new String[] {"agency", "action"}, new String[] {"police", "escalate"})).isEqualTo(2.0);
    }

    @Test
    void shouldHandTheCaseToTheNextAgencyOfTheChainAtImmediatePriority() {
        // given: the sweeper knows the pathway's agencies
        var pathway = DispatchTestBed.pathway(police, null);
        bed.handovers(node, pathway);

        // when: the reminder window and then the escalation window pass without an acknowledgement
        bed.clock.advance(WINDOW);
        node.deadlines().sweepOnce();
        bed.clock.advance(WINDOW);
        node.deadlines().sweepOnce();
        bed.clock.advance(WINDOW);
        node.deadlines().sweepOnce();

        // then: the coordinator has its own referral of the case, urgent, cut for its own profile, exactly once
        Document handed = bed.mongo.database().getCollection("referrals").find(new Document("_id", "tip-d:coordinator")).first();
        assertThat(handed).isNotNull();
        assertThat(handed.getString("priority")).isEqualTo("IMMEDIATE");
        assertThat(handed.getString("handedOverFrom")).isEqualTo(ID);
        assertThat(handed.getString("state")).isEqualTo("PENDING");
        assertThat(handed.get("payload")).isEqualTo(new Document("reference", "D34DL").append("region", "SO"));
        assertThat(handed.getList("escalationChain", String.class)).containsExactly("supervisor");
        assertThat(bed.mongo.database().getCollection("referrals").countDocuments(new Document("tipId", "tip-d"))).isEqualTo(2);
    }

    @Test
    void shouldNotActBeforeDeadlineNorAfterAcknowledgement() {
        // when
        bed.clock.advance(WINDOW.minusSeconds(1));
        int early = node.deadlines().sweepOnce();
        node.answers().acknowledge(ID, "police");
        bed.clock.advance(Duration.ofHours(5));
        int afterAck = node.deadlines().sweepOnce();

        // then
        assertThat(early).isZero();
        assertThat(afterAck).isZero();
        assertThat(referral().get("escalations")).isNull();
    }

    @Test
    void shouldEscalateAtOnceWhenReferralNeverGotThrough() {
        // given: a referral that cannot be delivered
        RecordingAgency down = bed.agency();
        DispatchTestBed.refer(node, "tip-x", "N0G3T", DANGER_ONLY, DispatchTestBed.pathway(down, null));
        down.stop();
        node.worker().dispatchOnce();

        // when
        bed.clock.advance(WINDOW);
        node.deadlines().sweepOnce();

        // then
        Document undelivered = bed.mongo.database().getCollection("referrals").find(new Document("_id", "tip-x:police")).first();
        assertThat(undelivered.getList("escalations", Document.class)).singleElement()
                .satisfies(e -> assertThat(e.getString("action") + ":" + e.getString("to")).isEqualTo("escalate:coordinator"));
    }

    @Test
    void shouldSweepEachBreachOnceWhenTwoNodesSweep() {
        // given
        Dispatch other = bed.node(DispatchTestBed.config("node-b").build());
        bed.clock.advance(WINDOW);

        // when
        int byA = node.deadlines().sweepOnce();
        int byB = other.deadlines().sweepOnce();

        // then
        assertThat(byA + byB).isEqualTo(1);
        assertThat(referral().getList("escalations", Document.class)).hasSize(1);
    }

    private Document referral() {
        return bed.mongo.database().getCollection("referrals").find(new Document("_id", ID)).first();
    }
}

package org.hotline.core.referral;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hotline.core.referral.DispatchTestBed.DANGER_ONLY;

import java.nio.file.Path;
import java.time.Duration;
import org.bson.Document;
import org.hotline.core.testsupport.RecordingAgency;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReferralAnswersIT {

    private static final String ID = "tip-a:police";

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
        bed.insertTip("tip-a", "A1CK2");
        DispatchTestBed.refer(node, "tip-a", "A1CK2", DANGER_ONLY, DispatchTestBed.pathway(police, null));
        node.worker().dispatchOnce();
    }

    @AfterEach
    void tearDown() throws Exception {
        bed.close();
    }

    @Test
    void shouldAcknowledgeOnceAndTreatRepeatAsAlreadyApplied() {
        // given
        bed.clock.advance(Duration.ofMinutes(3));

        // when
        AnswerResult first = node.answers().acknowledge(ID, "police");
        AnswerResult again = node.answers().acknowledge(ID, "police");

        // then
        assertThat(first).isInstanceOfSatisfying(AnswerResult.Applied.class,
                a -> assertThat(a.referral().state()).isEqualTo(ReferralState.ACKNOWLEDGED));
        assertThat(again).isInstanceOf(AnswerResult.AlreadyApplied.class);
        assertThat(bed.stateOn("tip-a", "police").state()).isEqualTo("ACKNOWLEDGED");
        assertThat(bed.stateOn("tip-a", "police").deliveredAt()).isNotNull();
        Document stored = referral();
        assertThat(stored.getDate("acknowledgedAt").toInstant()).isEqualTo(bed.clock.instant());
        assertThat(stored.getList("history", Document.class)).hasSize(1);
    }

    @Test
    void shouldRefuseAnswersForUnknownReferralOrAnotherAgencyAndChangeNothing() {
        // when
        AnswerResult unknown = node.answers().acknowledge("tip-zz:police", "police");
        AnswerResult otherAgency = node.answers().acknowledge(ID, "labour");
        AnswerResult otherDecline = node.answers().decline(ID, "labour", "not ours");

        // then
        assertThat(unknown).isEqualTo(new AnswerResult.Refused(AnswerResult.Reason.NOT_FOUND,
                "no referral tip-zz:police for agency police"));
        assertThat(otherAgency).isInstanceOfSatisfying(AnswerResult.Refused.class,
                r -> assertThat(r.reason()).isEqualTo(AnswerResult.Reason.NOT_FOUND));
        assertThat(otherDecline).isInstanceOf(AnswerResult.Refused.class);
        assertThat(referral().getString("state")).isEqualTo("DELIVERED");
        assertThat(referral().get("history")).isNull();
    }

    @Test
    void shouldDeclineWithReasonAndRefuseLaterAcknowledgement() {
        // when
        AnswerResult noReason = node.answers().decline(ID, "police", " ");
        AnswerResult declined = node.answers().decline(ID, "police", "outside our jurisdiction");
        AnswerResult lateAck = node.answers().acknowledge(ID, "police");

        // then
        assertThat(noReason).isInstanceOfSatisfying(AnswerResult.Refused.class,
                r -> assertThat(r.reason()).isEqualTo(AnswerResult.Reason.INVALID));
        assertThat(declined).isInstanceOf(AnswerResult.Applied.class);
        assertThat(lateAck).isEqualTo(new AnswerResult.Refused(AnswerResult.Reason.WRONG_STATE,
                "cannot acknowledge referral tip-a:police in state DECLINED"));
        assertThat(referral().getString("declineReason")).isEqualTo("outside our jurisdiction");
    }

    @Test
    void shouldRecordEachOutcomeOnceOnlyAfterAcknowledgement() {
        // given
        AnswerResult beforeAck = node.answers().recordOutcome(ID, "police", "investigation_opened", null);
        node.answers().acknowledge(ID, "police");

        // when
        AnswerResult opened = node.answers().recordOutcome(ID, "police", "investigation_opened", "case 2026/114");
        AnswerResult repeat = node.answers().recordOutcome(ID, "police", "investigation_opened", "case 2026/114");
        AnswerResult unknownCode = node.answers().recordOutcome(ID, "police", "solved", null);
        AnswerResult noActionWithoutNote = node.answers().recordOutcome(ID, "police", "no_action", "");

        // then
        assertThat(beforeAck).isInstanceOfSatisfying(AnswerResult.Refused.class,
                r -> assertThat(r.reason()).isEqualTo(AnswerResult.Reason.WRONG_STATE));
        assertThat(opened).isInstanceOfSatisfying(AnswerResult.Applied.class,
                a -> assertThat(a.referral().state()).isEqualTo(ReferralState.OUTCOME_RECORDED));
        assertThat(repeat).isInstanceOf(AnswerResult.AlreadyApplied.class);
        assertThat(unknownCode).isInstanceOfSatisfying(AnswerResult.Refused.class,
                r -> assertThat(r.message()).contains("outcome must be one of"));
        assertThat(noActionWithoutNote).isInstanceOfSatisfying(AnswerResult.Refused.class,
                r -> assertThat(r.message()).contains("no_action needs a note"));
        assertThat(referral().get("outcomes", Document.class)).containsOnlyKeys("investigation_opened");
    }

    @Test
    void shouldStopRetriesWhenAgencyAcknowledgesFailingReferral() {
        // given: a second referral whose delivery failed (the agency got it but answered too late)
        RecordingAgency slow = bed.agency().thenAnswer(503);
        DispatchTestBed.refer(node, "tip-b", "B2ACK", DANGER_ONLY, DispatchTestBed.pathway(slow, null));
        node.worker().dispatchOnce();

        // when
        AnswerResult ack = node.answers().acknowledge("tip-b:police", "police");
        bed.clock.advance(Duration.ofHours(1));
        int later = node.worker().dispatchOnce();

        // then
        assertThat(ack).isInstanceOf(AnswerResult.Applied.class);
        assertThat(later).isZero();
        assertThat(slow.requests()).hasSize(1);
    }

    private Document referral() {
        return bed.mongo.database().getCollection("referrals").find(new Document("_id", ID)).first();
    }
}

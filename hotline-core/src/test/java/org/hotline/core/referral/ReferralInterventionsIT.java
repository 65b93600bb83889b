package org.hotline.core.referral;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hotline.core.referral.DispatchTestBed.DANGER_ONLY;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.bson.Document;
import org.hotline.core.testsupport.RecordingAgency;
import org.hotline.pathway.Agency;
import org.hotline.pathway.Pathway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Supervisors' actions on referrals that fell through, on the embedded MongoDB with a real agency server. */
class ReferralInterventionsIT {

    private static final String ID = "tip-a:police";

    @TempDir
    Path dataDir;

    private DispatchTestBed bed;
    private Dispatch node;
    private RecordingAgency police;
    private Pathway pathway;
    private ReferralInterventions interventions;

    @BeforeEach
    void setUp() {
        bed = new DispatchTestBed(dataDir);
        node = bed.node(DispatchTestBed.config("node-a").build());
        police = bed.agency().thenAnswer(400);
        pathway = DispatchTestBed.pathway(police, null);
        bed.insertTip("tip-a", "A1CK2", DANGER_ONLY);
        DispatchTestBed.refer(node, "tip-a", "A1CK2", DANGER_ONLY, pathway);
        node.worker().dispatchOnce();
        interventions = new ReferralInterventions(bed.mongo.database(), bed.metrics, bed.clock, node.worker()::wakeUp,
                bed.handovers(node, pathway));
    }

    @AfterEach
    void tearDown() throws Exception {
        bed.close();
    }

    @Test
    void shouldListADeadLetterAndDeliverItWhenRetried() {
        // given
        assertThat(interventions.deadLetters(10)).extracting(Referral::id).containsExactly(ID);
        // when
        AnswerResult retried = interventions.retry(ID, "sia");
        node.worker().dispatchOnce();
        // then
        assertThat(retried).isInstanceOfSatisfying(AnswerResult.Applied.class,
                a -> assertThat(a.referral().state()).isEqualTo(ReferralState.PENDING));
        assertThat(referral(ID).getString("state")).isEqualTo("DELIVERED");
        assertThat(police.requests()).hasSize(2);
        assertThat(interventions.deadLetters(10)).isEmpty();
        assertThat(referral(ID).getList("actions", Document.class)).extracting(a -> a.getString("by")).containsExactly("sia");
        assertThat(bed.stateOn("tip-a", "police").state()).isEqualTo("DELIVERED");
    }

    @Test
    void shouldRefuseToRetryAnUnknownOrAcknowledgedReferralAndChangeNothing() {
        // given
        interventions.retry(ID, "sia");
        node.worker().dispatchOnce();
        node.answers().acknowledge(ID, "police");
        // when
        AnswerResult acknowledged = interventions.retry(ID, "sia");
        AnswerResult unknown = interventions.retry("tip-zz:police", "sia");
        // then
        assertThat(acknowledged).isInstanceOfSatisfying(AnswerResult.Refused.class,
                r -> assertThat(r.reason()).isEqualTo(AnswerResult.Reason.WRONG_STATE));
        assertThat(unknown).isInstanceOfSatisfying(AnswerResult.Refused.class,
                r -> assertThat(r.reason()).isEqualTo(AnswerResult.Reason.NOT_FOUND));
        assertThat(referral(ID).getString("state")).isEqualTo("ACKNOWLEDGED");
        assertThat(referral(ID).getList("actions", Document.class)).hasSize(1);
    }

    @Test
    void shouldReassignWithThePayloadOfTheNewAgencysOwnProfileOnceAndTakeTheOriginalOffTheList() {
        // given
        Agency labour = pathway.agency("labour").orElseThrow();
        // when
        AnswerResult moved = interventions.reassign(ID, labour, "sia", "police line is down all week");
        AnswerResult again = interventions.reassign(ID, labour, "sia", "police line is down all week");
        // then
        assertThat(moved).isInstanceOfSatisfying(AnswerResult.Applied.class, a -> {
            assertThat(a.referral().id()).isEqualTo("tip-a:labour");
            assertThat(a.referral().state()).isEqualTo(ReferralState.PENDING);
        });
        assertThat(again).isInstanceOf(AnswerResult.AlreadyApplied.class);
        Document copy = referral("tip-a:labour");
        // the labour profile lists exploitation type and region only: not the police's narrative or danger flag
        assertThat(copy.get("payload", Document.class)).isEqualTo(new Document("exploitationType", "other")
                .append("region", "SO"));
        assertThat(copy.getString("profile")).isEqualTo("labour");
        assertThat(bed.audited).singleElement().satisfies(e -> {
            assertThat(e.action()).isEqualTo("referral.disclosure");
            assertThat(e.details()).containsEntry("kind", "reassign").containsEntry("to", "labour")
                    .containsEntry("fields", "exploitationType,region");
            assertThat(e.details().values()).noneMatch(v -> v.contains("line is down"));
        });
        assertThat(copy.getString("handedOverFrom")).isEqualTo(ID);
        assertThat(copy.getString("idempotencyKey")).isNotEqualTo(referral(ID).getString("idempotencyKey"));
        assertThat(referral(ID).get("resolved", Document.class).getString("to")).isEqualTo("labour");
        assertThat(interventions.deadLetters(10)).isEmpty();
    }

    @Test
    void shouldRefuseAReassignmentWithoutReasonOrToTheSameAgency() {
        Agency policeAgency = pathway.agency("police").orElseThrow();
        Agency labour = pathway.agency("labour").orElseThrow();
        assertThat(interventions.reassign(ID, labour, "sia", " ")).isInstanceOfSatisfying(AnswerResult.Refused.class,
                r -> assertThat(r.reason()).isEqualTo(AnswerResult.Reason.INVALID));
        assertThat(interventions.reassign(ID, policeAgency, "sia", "again")).isInstanceOf(AnswerResult.Refused.class);
        assertThat(referral("tip-a:labour")).isNull();
        assertThat(referral(ID).get("resolved")).isNull();
    }

    @Test
    void shouldEscalateAlongTheChainAtImmediatePriorityUntilItReachesAPerson() {
        // when
        AnswerResult first = interventions.escalate(ID, pathway::agency, "sia", "no answer from police");
        AnswerResult second = interventions.escalate(ID, pathway::agency, "sia", "still nothing");
        // then: the coordinator has it at once; next in the chain is the supervisor, who is not an agency
        assertThat(first).isInstanceOfSatisfying(AnswerResult.Applied.class, a -> {
            assertThat(a.referral().agencyId()).isEqualTo("coordinator");
            assertThat(a.referral().priority()).isEqualTo("IMMEDIATE");
        });
        assertThat(second).isInstanceOfSatisfying(AnswerResult.Refused.class,
                r -> assertThat(r.message()).contains("supervisor"));
        assertThat(referral(ID).getInteger("chainIndex")).isEqualTo(1);
        assertThat(interventions.deadLetters(10)).extracting(Referral::id).contains(ID);
    }

    @Test
    void shouldListDeliveredReferralsPastTheirDeadlineAsOverdue() {
        // given
        interventions.retry(ID, "sia");
        node.worker().dispatchOnce();
        assertThat(interventions.overdue(10)).isEmpty();
        // when
        bed.clock.advance(Duration.ofMinutes(31));
        // then
        List<Referral> overdue = interventions.overdue(10);
        assertThat(overdue).extracting(Referral::id).containsExactly(ID);
    }

    private Document referral(String id) {
        return bed.mongo.database().getCollection("referrals").find(new Document("_id", id)).first();
    }
}

package org.hotline.core.telephony;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.vertx.core.json.JsonObject;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.hotline.core.testsupport.ami.OriginateOutcome;
import org.hotline.core.testsupport.ami.QueueEvents.Caller;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Warm and blind transfer of a caller to an agency's duty line over real HTTP, driving the AMI simulator over TCP
 * (Redirect into hold and consultation conferences, Originate of the duty line, join, ConfbridgeKick).
 */
class AgencyTransferIT {

    private static final Caller CALLER = Caller.fromIvr("1700000001.5", "123456789", "en", "operators");
    private static final String CONFERENCE = "17000000015";
    private static final String DUTY = "+231770000101";
    private static final Map<String, TransferTarget> REFERRALS = Map.of(
            "tip-1:lnp-ahtu", new TransferTarget("tip-1:lnp-ahtu", "123456789", "lnp-ahtu", "Police AHTU", DUTY),
            "tip-2:lnp-ahtu", new TransferTarget("tip-2:lnp-ahtu", "987654321", "lnp-ahtu", "Police AHTU", DUTY),
            "tip-1:shelter", new TransferTarget("tip-1:shelter", "123456789", "shelter", "Shelter", ""));

    @TempDir
    Path dir;

    private TelephonyRig rig;

    @BeforeEach
    void start() throws Exception {
        rig = new TelephonyRig(dir, "zone: UTC\ninterpreters: []\n", REFERRALS);
    }

    @AfterEach
    void stop() throws Exception {
        rig.close();
    }

    private HttpResponse<String> start(String token, String referral, String mode) {
        return rig.onceTracked("POST", "/api/operators/me/transfer", token,
                "{\"referralId\":\"" + referral + "\",\"mode\":\"" + mode + "\"}");
    }

    @Test
    void shouldTalkToTheAgencyWhileTheCallerHearsMusicThenJoinAllThreeAndLeaveThemTogether() throws Exception {
        // given
        String token = rig.anaOnACall(CALLER);
        // when: warm transfer starts
        HttpResponse<String> consulting = start(token, "tip-1:lnp-ahtu", "warm");
        // then: the caller waits alone with music (no marked user), Ana and the duty line talk
        assertThat(new JsonObject(consulting.body()).getString("outcome")).isEqualTo("CONSULTING");
        assertThat(rig.sim.conferenceMembers(CONFERENCE)).containsExactly(CALLER.channel());
        assertThat(rig.sim.conferenceMembers(CONFERENCE + "-consult")).hasSize(2).first().isEqualTo(TelephonyRig.ANA_LEG);
        assertThat(rig.sim.actions("Originate").get(0)).containsEntry("Channel", "Local/" + DUTY + "@hotline-agency-dial")
                .containsEntry("Context", "hotline-transfer-agency-consult").containsEntry("Exten", CONFERENCE);

        // when: all three join
        assertThat(rig.send("POST", "/api/operators/me/transfer/join", token, "").statusCode()).isEqualTo(200);
        // then
        assertThat(rig.sim.conferenceMembers(CONFERENCE)).hasSize(3).contains(CALLER.channel(), TelephonyRig.ANA_LEG);
        assertThat(rig.sim.conferenceMembers(CONFERENCE + "-consult")).isEmpty();

        // when: Ana leaves
        HttpResponse<String> left = rig.send("POST", "/api/operators/me/transfer/leave", token, "");
        // then: the agency (marked) stays with the caller, and the hand-over is on the referral
        assertThat(left.statusCode()).isEqualTo(200);
        assertThat(rig.sim.conferenceMembers(CONFERENCE)).hasSize(2).first().isEqualTo(CALLER.channel());
        assertThat(rig.sim.conferenceMembers(CONFERENCE)).noneMatch(TelephonyRig.ANA_LEG::equals);
        JsonObject listed = new JsonObject(rig.send("GET", "/api/referrals/tip-1:lnp-ahtu/live-handovers",
                rig.signIn("sam.supervisor"), null).body()).getJsonArray("handovers").getJsonObject(0);
        assertThat(listed.getString("mode")).isEqualTo("warm");
        assertThat(listed.getString("outcome")).isEqualTo("handed_over");
        assertThat(listed.getString("joinedAt")).isNotBlank();
        assertThat(listed.getLong("seconds")).isNotNegative();
        assertThat(rig.audited("call.transfer")).singleElement().satisfies(e -> assertThat(e.details())
                .containsEntry("outcome", "handed_over").containsEntry("agency", "lnp-ahtu"));
    }

    @Test
    void shouldListTheReferralsOfTheCallsReportWithTheirDutyLines() throws Exception {
        // given
        String token = rig.anaOnACall(CALLER);
        // when
        HttpResponse<String> listed = await().atMost(Duration.ofSeconds(10)).until(() -> rig.send("GET",
                "/api/operators/me/transfer/targets", token, null), r -> r.body().contains("referralId"));
        // then: only this report's referrals, and which agency can be called
        var targets = new JsonObject(listed.body()).getJsonArray("targets");
        assertThat(targets).hasSize(2);
        assertThat(targets.getJsonObject(0).getString("referralId")).isEqualTo("tip-1:lnp-ahtu");
        assertThat(targets.getJsonObject(0).getBoolean("dutyLine")).isTrue();
        assertThat(targets.getJsonObject(1).getString("referralId")).isEqualTo("tip-1:shelter");
        assertThat(targets.getJsonObject(1).getBoolean("dutyLine")).isFalse();
    }

    @Test
    void shouldBringTheOperatorBackToTheCallerWhenTheDutyLineIsBusy() throws Exception {
        // given
        rig.sim.onOriginate(action -> OriginateOutcome.busy());
        String token = rig.anaOnACall(CALLER);
        // when
        HttpResponse<String> answer = start(token, "tip-1:lnp-ahtu", "warm");
        // then
        assertThat(new JsonObject(answer.body()).getString("outcome")).isEqualTo("AGENCY_UNREACHABLE");
        assertThat(rig.sim.conferenceMembers(CONFERENCE)).containsExactly(CALLER.channel(), TelephonyRig.ANA_LEG);
        assertThat(rig.handovers.forReferral("tip-1:lnp-ahtu")).singleElement().satisfies(h -> {
            assertThat(h.outcome()).isEqualTo("agency_unreachable");
            assertThat(h.detail()).isEqualTo("busy");
        });
    }

    @Test
    void shouldRecordACallerWhoHangsUpMidTransfer() throws Exception {
        // given
        String token = rig.anaOnACall(CALLER);
        assertThat(new JsonObject(start(token, "tip-1:lnp-ahtu", "warm").body()).getString("outcome"))
                .isEqualTo("CONSULTING");
        // when
        rig.sim.hangup(CALLER.channel());
        // then
        await().atMost(Duration.ofSeconds(10)).until(() -> !rig.handovers.forReferral("tip-1:lnp-ahtu").isEmpty());
        assertThat(rig.handovers.forReferral("tip-1:lnp-ahtu").get(0).outcome()).isEqualTo("caller_hung_up");
        assertThat(rig.send("POST", "/api/operators/me/transfer/join", token, "").statusCode()).isEqualTo(409);
    }

    @Test
    void shouldPutTheCallerBackInTheQueueWhenTheOperatorHangsUpWhileConsulting() throws Exception {
        // given
        String token = rig.anaOnACall(CALLER);
        start(token, "tip-1:lnp-ahtu", "warm");
        // when
        rig.sim.hangup(TelephonyRig.ANA_LEG);
        // then: never left waiting with music for nobody
        await().atMost(Duration.ofSeconds(10)).until(() -> rig.sim.actions("Redirect").size() == 2);
        assertThat(rig.sim.actions("Redirect").get(1)).containsEntry("Channel", CALLER.channel())
                .containsEntry("Context", "hotline-result").containsEntry("Exten", "OPERATOR");
        await().atMost(Duration.ofSeconds(10)).until(() -> !rig.handovers.forReferral("tip-1:lnp-ahtu").isEmpty());
        assertThat(rig.handovers.forReferral("tip-1:lnp-ahtu").get(0).outcome()).isEqualTo("operator_hung_up");
    }

    @Test
    void shouldTransferBlindToTheDutyNumberAndRecordIt() throws Exception {
        // given
        String token = rig.anaOnACall(CALLER);
        // when
        HttpResponse<String> answer = start(token, "tip-1:lnp-ahtu", "blind");
        // then
        assertThat(new JsonObject(answer.body()).getString("outcome")).isEqualTo("HANDED_OVER");
        assertThat(rig.sim.actions("Redirect")).singleElement().satisfies(r -> assertThat(r)
                .containsEntry("Channel", CALLER.channel()).containsEntry("Context", "hotline-transfer-blind")
                .containsEntry("Exten", DUTY).doesNotContainKey("ExtraChannel"));
        assertThat(rig.handovers.forReferral("tip-1:lnp-ahtu")).singleElement()
                .satisfies(h -> assertThat(h.mode()).isEqualTo("blind"));
    }

    @Test
    void shouldRefuseOtherCasesAgenciesWithoutDutyLineBadBodiesAndSupervisorsAndChangeNothing() throws Exception {
        // given
        String token = rig.anaOnACall(CALLER);
        // when
        HttpResponse<String> otherCase = start(token, "tip-2:lnp-ahtu", "warm");
        HttpResponse<String> noLine = start(token, "tip-1:shelter", "blind");
        HttpResponse<String> unknown = start(token, "tip-9:nobody", "warm");
        HttpResponse<String> bad = rig.send("POST", "/api/operators/me/transfer", token, "{\"referralId\":\"tip-1:lnp-ahtu\"}");
        HttpResponse<String> supervisor = rig.send("POST", "/api/operators/me/transfer", rig.signIn("sam.supervisor"),
                "{\"referralId\":\"tip-1:lnp-ahtu\",\"mode\":\"blind\"}");
        HttpResponse<String> noTransfer = rig.send("POST", "/api/operators/me/transfer/leave", token, "");
        // then
        assertThat(new JsonObject(otherCase.body()).getString("code")).isEqualTo("other_case");
        assertThat(new JsonObject(noLine.body()).getString("code")).isEqualTo("no_duty_line");
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(supervisor.statusCode()).isEqualTo(403);
        assertThat(noTransfer.statusCode()).isEqualTo(409);
        assertThat(rig.sim.actions("Redirect")).isEmpty();
        assertThat(rig.sim.actions("Originate")).isEmpty();
    }
}

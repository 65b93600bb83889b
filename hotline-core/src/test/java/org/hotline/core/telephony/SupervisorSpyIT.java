package org.hotline.core.telephony;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.vertx.core.json.JsonObject;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.hotline.core.testsupport.ami.QueueEvents.Caller;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Supervisors listen, whisper and barge over real HTTP: Originate of their phone into ChanSpy, Hangup, audited. */
class SupervisorSpyIT {

    private static final Caller CALLER = Caller.fromIvr("1700000001.5", "123456789", "en", "operators");

    @TempDir
    Path dir;

    private TelephonyRig rig;

    @BeforeEach
    void start() throws Exception {
        rig = new TelephonyRig(dir, "zone: UTC\ninterpreters: []\n", Map.of());
    }

    @AfterEach
    void stop() throws Exception {
        rig.close();
    }

    private HttpResponse<String> spy(String token, String mode) {
        return rig.onceTracked("POST", "/api/supervisors/me/spy", token,
                "{\"agent\":\"" + TelephonyRig.ANA + "\",\"mode\":\"" + mode + "\"}");
    }

    @Test
    void shouldRingTheSupervisorIntoChanSpyToWhisperAndAuditStartAndStop() throws Exception {
        // given
        rig.anaOnACall(CALLER);
        String sam = rig.signIn("sam.supervisor");
        // when
        HttpResponse<String> started = spy(sam, "whisper");
        // then
        assertThat(new JsonObject(started.body()).getBoolean("listening")).isTrue();
        assertThat(rig.sim.actions("Originate").get(0)).containsEntry("Channel", TelephonyRig.SAM)
                .containsEntry("Context", "hotline-spy").containsEntry("Exten", "whisper")
                .hasEntrySatisfying("Variable", v -> assertThat(v).contains("HOTLINE_SPY_TARGET=PJSIP/op-ana-"));
        assertThat(rig.audited("call.spy_start")).singleElement().satisfies(e -> {
            assertThat(e.target()).isEqualTo("123456789");
            assertThat(e.details()).containsEntry("mode", "WHISPER").containsEntry("operator", TelephonyRig.ANA);
        });

        // when
        HttpResponse<String> stopped = await().atMost(Duration.ofSeconds(10)).until(
                () -> rig.send("DELETE", "/api/supervisors/me/spy", sam, null), r -> r.statusCode() == 200);
        // then
        assertThat(stopped.body()).contains("\"listening\":false");
        assertThat(rig.sim.actions("Hangup")).singleElement().satisfies(h -> assertThat(h.get("Channel"))
                .startsWith(TelephonyRig.SAM + "-"));
        assertThat(rig.audited("call.spy_stop")).singleElement().satisfies(e -> assertThat(e.details())
                .containsEntry("by", "supervisor"));
    }

    @Test
    void shouldAuditTheStopWhenTheCallListenedToEnds() throws Exception {
        // given: barging into Ana's call
        rig.anaOnACall(CALLER);
        String sam = rig.signIn("sam.supervisor");
        assertThat(new JsonObject(spy(sam, "barge").body()).getBoolean("listening")).isTrue();
        assertThat(rig.sim.actions("Originate").get(0)).containsEntry("Exten", "barge");
        // when: the operator's call ends
        rig.sim.hangup(TelephonyRig.ANA_LEG);
        // then
        await().atMost(Duration.ofSeconds(10)).until(() -> !rig.audited("call.spy_stop").isEmpty());
        assertThat(rig.audited("call.spy_stop").get(0).details()).containsEntry("by", "call_ended");
        HttpResponse<String> stop = rig.send("DELETE", "/api/supervisors/me/spy", sam, null);
        assertThat(new JsonObject(stop.body()).getString("code")).isEqualTo("not_listening");
        assertThat(rig.sim.actions("Hangup")).isEmpty();
    }

    @Test
    void shouldLetOnlySupervisorsListenAndOnlyToCallsThatAreOn() throws Exception {
        // given: Ana is not on a call
        String ana = rig.signIn("ana.operator");
        String sam = rig.signIn("sam.supervisor");
        // when
        HttpResponse<String> operator = rig.send("POST", "/api/supervisors/me/spy", ana,
                "{\"agent\":\"" + TelephonyRig.ANA + "\",\"mode\":\"listen\"}");
        HttpResponse<String> noCall = rig.send("POST", "/api/supervisors/me/spy", sam,
                "{\"agent\":\"" + TelephonyRig.ANA + "\",\"mode\":\"listen\"}");
        HttpResponse<String> badMode = rig.send("POST", "/api/supervisors/me/spy", sam,
                "{\"agent\":\"" + TelephonyRig.ANA + "\",\"mode\":\"record\"}");
        // then
        assertThat(operator.statusCode()).isEqualTo(403);
        assertThat(new JsonObject(noCall.body()).getString("code")).isEqualTo("not_in_call");
        assertThat(badMode.statusCode()).isEqualTo(400);
        assertThat(rig.sim.actions("Originate")).isEmpty();
        assertThat(rig.audited("call.spy_start")).isEmpty();
    }
}

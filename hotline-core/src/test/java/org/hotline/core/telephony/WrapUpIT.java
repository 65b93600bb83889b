package org.hotline.core.telephony;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.vertx.core.json.JsonObject;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.hotline.core.testsupport.ami.QueueEvents;
import org.hotline.core.testsupport.ami.QueueEvents.Caller;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Wrap-up time after each call: QueuePause with reason wrap-up, unpaused when ready or when the time is up. */
class WrapUpIT {

    private static final Caller CALLER = Caller.fromIvr("1700000001.5", "123456789", "en", "operators");

    @TempDir
    Path dir;

    private TelephonyRig rig;

    @AfterEach
    void stop() throws Exception {
        rig.close();
    }

    private void callEnds() {
        rig.sim.emitRaw(QueueEvents.agentComplete(CALLER, "operators", TelephonyRig.ANA, 4, 120, "caller"));
    }

    @Test
    void shouldPauseTheOperatorAfterACallAndUnpauseWhenTheTimeIsUp() throws Exception {
        // given
        rig = new TelephonyRig(dir, "zone: UTC\ninterpreters: []\n", Map.of(), Duration.ofSeconds(1));
        // when
        callEnds();
        // then
        await().atMost(Duration.ofSeconds(10)).until(() -> rig.sim.actions("QueuePause").size() == 2);
        assertThat(rig.sim.actions("QueuePause").get(0)).containsEntry("Interface", TelephonyRig.ANA)
                .containsEntry("Paused", "true").containsEntry("Reason", "wrap-up");
        assertThat(rig.sim.actions("QueuePause").get(1)).containsEntry("Paused", "false");
        assertThat(rig.audited("operator.wrapup_start")).hasSize(1);
        await().atMost(Duration.ofSeconds(5)).until(() -> rig.audited("operator.wrapup_end").size() == 1);
        assertThat(rig.audited("operator.wrapup_end").get(0).details()).containsEntry("by", "timeout");
    }

    @Test
    void shouldMakeTheOperatorAvailableAsSoonAsTheyAreReady() throws Exception {
        // given
        rig = new TelephonyRig(dir, "zone: UTC\ninterpreters: []\n", Map.of(), Duration.ofMinutes(5));
        String ana = rig.signIn("ana.operator");
        callEnds();
        HttpResponse<String> during = await().atMost(Duration.ofSeconds(10)).until(
                () -> rig.send("GET", "/api/operators/me/wrapup", ana, null), r -> r.body().contains("\"inWrapUp\":true"));
        assertThat(new JsonObject(during.body()).getString("until")).isNotBlank();
        // when
        HttpResponse<String> ready = rig.send("POST", "/api/operators/me/wrapup/ready", ana, "");
        // then
        assertThat(ready.statusCode()).isEqualTo(200);
        assertThat(rig.sim.actions("QueuePause")).hasSize(2);
        assertThat(rig.sim.actions("QueuePause").get(1)).containsEntry("Paused", "false");
        assertThat(rig.audited("operator.wrapup_end").get(0).details()).containsEntry("by", "operator");
        assertThat(rig.send("POST", "/api/operators/me/wrapup/ready", ana, "").statusCode()).isEqualTo(409);
        assertThat(rig.send("GET", "/api/operators/me/wrapup", rig.signIn("sam.supervisor"), null).statusCode())
                .isEqualTo(403);
    }

    @Test
    void shouldLeaveOperatorsAloneWhenWrapUpIsOff() throws Exception {
        // given
        rig = new TelephonyRig(dir, "zone: UTC\ninterpreters: []\n", Map.of());
        String ana = rig.signIn("ana.operator");
        // when
        callEnds();
        rig.sim.emitRaw(QueueEvents.agentConnect(CALLER, "operators", TelephonyRig.ANA, 1));
        await().atMost(Duration.ofSeconds(10)).until(() -> !rig.send("GET", "/api/operators/me/transfer/targets", ana,
                null).body().contains("not_in_call"));
        // then
        assertThat(rig.sim.actions("QueuePause")).isEmpty();
    }
}

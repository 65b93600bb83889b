package org.hotline.core.telephony;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.util.Map;
import org.hotline.core.auth.Role;
import org.hotline.core.testsupport.BrowserScripts;
import org.hotline.core.testsupport.ami.QueueEvents;
import org.hotline.core.testsupport.ami.QueueEvents.Caller;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The supervisor view's "listen in" in headless Chromium against a real node and the AMI simulator over TCP. */
class SpyBrowserIT {

    private static final String OPERATOR_PHONE = "PJSIP/op-olu";
    private static final String SUPERVISOR_PHONE = "PJSIP/sup-sia";

    @TempDir
    Path dir;

    private BrowserNode browser;

    @BeforeEach
    void start() throws Exception {
        browser = new BrowserNode(dir, OPERATOR_PHONE, Map.of())
                .staff("sia.supervisor", Role.SUPERVISOR, SUPERVISOR_PHONE);
    }

    @AfterEach
    void stop() throws Exception {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    void shouldListenToAnOperatorsCallFromTheSupervisorViewAndStop() throws Exception {
        // given: Olu is talking to a caller
        Caller caller = Caller.fromIvr("1700000400.2", "123456789", "en", "operators");
        browser.ami.channelUp(caller.channel(), caller.uniqueId()).channelUp(OPERATOR_PHONE + "-00000002", "1700000099.1");
        browser.ami.emitRaw(QueueEvents.agentConnect(caller, "operators", OPERATOR_PHONE, 5));
        // when
        BrowserScripts.Run run = browser.run("spy.mjs", "sia.supervisor", line -> { });
        // then
        assertThat(run.exitCode()).as("browser script output: %s", run.lines()).isZero();
        JsonObject seen = new JsonObject(run.last());
        assertThat(seen.getJsonArray("problems")).isEmpty();
        assertThat(seen.getJsonArray("operators").encode()).contains(OPERATOR_PHONE);
        assertThat(seen.getString("listening")).contains("connected", "listen");
        assertThat(seen.getString("stopped")).contains("Stopped");
        assertThat(browser.ami.actions("Originate")).singleElement().satisfies(o -> assertThat(o)
                .containsEntry("Channel", SUPERVISOR_PHONE).containsEntry("Exten", "listen"));
        assertThat(browser.ami.actions("Hangup")).singleElement().satisfies(h -> assertThat(h.get("Channel"))
                .startsWith(SUPERVISOR_PHONE + "-"));
        assertThat(browser.audited("call.spy_stop")).isEqualTo(1);
    }
}

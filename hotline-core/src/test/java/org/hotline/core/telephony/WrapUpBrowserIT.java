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

/** The operator console's wrap-up time and Ready button in headless Chromium against a real node and the AMI simulator. */
class WrapUpBrowserIT {

    private static final String OPERATOR_PHONE = "PJSIP/op-olu";

    @TempDir
    Path dir;

    private BrowserNode browser;

    @BeforeEach
    void start() throws Exception {
        browser = new BrowserNode(dir, OPERATOR_PHONE, Map.of("HOTLINE_WRAPUP_TIME", "5m"))
                .staff("olu.operator", Role.OPERATOR, OPERATOR_PHONE);
    }

    @AfterEach
    void stop() throws Exception {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    void shouldShowTheWrapUpAndMakeTheOperatorAvailableWhenReady() throws Exception {
        // given: a call of Olu's ends once the page is open
        Caller caller = Caller.fromIvr("1700000500.1", "123456789", "en", "operators");
        // when
        BrowserScripts.Run run = browser.run("wrapup.mjs", "olu.operator", line -> {
                    if (line.contains("\"step\":\"operator-signed-in\"")) {
                        browser.ami.emitRaw(QueueEvents.agentComplete(caller, "operators", OPERATOR_PHONE, 3, 90, "caller"));
                    }
                });
        // then
        assertThat(run.exitCode()).as("browser script output: %s", run.lines()).isZero();
        JsonObject seen = new JsonObject(run.last());
        assertThat(seen.getJsonArray("problems")).isEmpty();
        assertThat(seen.getBoolean("hiddenBefore")).isTrue();
        assertThat(seen.getString("shown")).contains("Wrap-up");
        assertThat(seen.getBoolean("hiddenAfter")).isTrue();
        assertThat(browser.ami.actions("QueuePause")).extracting(a -> a.get("Paused")).containsExactly("true", "false");
    }
}

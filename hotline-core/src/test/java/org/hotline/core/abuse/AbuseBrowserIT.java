package org.hotline.core.abuse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.bson.Document;
import org.hotline.core.auth.Role;
import org.hotline.core.e2e.Calls;
import org.hotline.core.testsupport.BrowserScripts;
import org.hotline.core.testsupport.ami.QueueEvents;
import org.hotline.core.testsupport.ami.QueueEvents.Caller;
import org.hotline.ivr.sim.AsteriskSimulator;
import org.hotline.ivr.sim.CallSetup;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The supervisor flags a number from the supervisor view; the operator's call pop from it warns (headless Chromium). */
class AbuseBrowserIT {

    private static final String PHONE = "PJSIP/op-olu";

    @TempDir
    Path dir;

    private org.hotline.core.telephony.BrowserNodeAccess browser;

    @BeforeEach
    void start() {
        browser = org.hotline.core.telephony.BrowserNodeAccess.start(dir, PHONE, Map.of())
                .staff("olu.operator", Role.OPERATOR, PHONE).staff("sia.supervisor", Role.SUPERVISOR, "PJSIP/sup-sia");
    }

    @AfterEach
    void stop() throws Exception {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    void shouldFlagFromTheSupervisorViewAndWarnTheOperator() throws Exception {
        // given: two reports from one number
        AsteriskSimulator asterisk = new AsteriskSimulator("127.0.0.1", browser.node().agiPort());
        String first = asterisk.call(CallSetup.of("hotline").withCallerId("0770999222"), Calls.forcedLabourReport())
                .variables().get("HOTLINE_REFERENCE");
        String second = asterisk.call(CallSetup.of("hotline").withCallerId("0770999222"), Calls.forcedLabourReport())
                .variables().get("HOTLINE_REFERENCE");
        await().atMost(Duration.ofSeconds(20)).until(() -> browser.node().mongo().database().getCollection("tips")
                .countDocuments(new Document("reference", new Document("$in", java.util.List.of(first, second)))) == 2);
        // when: the supervisor flags the first; the second caller reaches the operator
        BrowserScripts.Run run = browser.run("abuse.mjs", "sia.supervisor", line -> {
            if (line.contains("\"step\":\"operator-listening\"")) {
                browser.ami().emitRaw(QueueEvents.agentConnect(Caller.fromIvr("1700000700.1", second, "en",
                        "operators"), "operators", PHONE, 2));
            }
        }, first, "olu.operator");
        // then
        assertThat(run.exitCode()).as("browser script output: %s", run.lines()).isZero();
        JsonObject seen = new JsonObject(run.last());
        assertThat(seen.getJsonArray("problems")).isEmpty();
        assertThat(seen.getString("flagged")).startsWith("Flagged until");
        assertThat(seen.getString("warning")).contains("flagged for abusive calls");
    }
}

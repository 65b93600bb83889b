package org.hotline.core.telephony;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.hotline.core.auth.Role;
import org.hotline.core.testsupport.BrowserScripts;
import org.hotline.core.testsupport.ami.AmiSimulator;
import org.hotline.core.testsupport.ami.OriginateOutcome;
import org.hotline.core.testsupport.ami.QueueEvents;
import org.hotline.core.testsupport.ami.QueueEvents.Caller;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The operator console's interpreter buttons in headless Chromium against a real node whose AMI client talks to
 * the AMI simulator over TCP, with the interpreter directory read from {@code HOTLINE_INTERPRETERS_FILE}.
 */
class InterpreterBrowserIT {

    private static final String PHONE = "PJSIP/op-olu";
    private static final String PHONE_LEG = PHONE + "-00000002";

    @TempDir
    Path dir;

    private BrowserNode browser;

    @BeforeEach
    void start() throws Exception {
        Path interpreters = dir.resolve("interpreters.yaml");
        Files.writeString(interpreters, """
                zone: Africa/Monrovia
                interpreters:
                  - id: relay-ar
                    language: ar
                    name: National relay (Arabic)
                    endpoint: PJSIP/interp-ar
                """);
        browser = new BrowserNode(dir, PHONE, Map.of("HOTLINE_INTERPRETERS_FILE", interpreters.toString(),
                "HOTLINE_INTERPRETER_RING_TIMEOUT", "10s")).staff("olu.operator", Role.OPERATOR, PHONE);
    }

    @AfterEach
    void stop() throws Exception {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    void shouldFlagTheCallersLanguageAndAddAndDropTheInterpreterFromTheConsole() throws Exception {
        // given: a caller who chose Arabic (no prompts) in the IVR; the relay is busy at first, then answers
        Map<String, String> vars = new LinkedHashMap<>();
        vars.put("HOTLINE_LANG", "en");
        vars.put("HOTLINE_QUEUE", "operators");
        vars.put("HOTLINE_INTERPRETER", "ar");
        Caller caller = new Caller("PJSIP/trunk-1700000200-3", "1700000200.3", "+231770009999", vars);
        AmiSimulator ami = browser.ami;
        ami.channelUp(caller.channel(), caller.uniqueId()).channelUp(PHONE_LEG, "1700000099.1");
        AtomicInteger dials = new AtomicInteger();
        ami.onOriginate(action -> dials.incrementAndGet() == 1 ? OriginateOutcome.busy() : OriginateOutcome.answered());
        // when
        BrowserScripts.Run run = browser.run("interpreter.mjs", "olu.operator", line -> {
                    if (line.contains("\"step\":\"operator-listening\"")) {
                        ami.emitRaw(QueueEvents.agentConnect(caller, "operators", PHONE, 4));
                    }
                });
        // then
        assertThat(run.exitCode()).as("browser script output: %s", run.lines()).isZero();
        JsonObject seen = new JsonObject(run.last());
        assertThat(seen.getJsonArray("problems")).isEmpty();
        assertThat(seen.getString("needed")).contains("ar");
        assertThat(seen.getString("chosen")).isEqualTo("ar");
        assertThat(seen.getString("busy")).contains("did not answer (busy)", "caller is still with you");
        assertThat(seen.getString("joined")).contains("Interpreter joined", "National relay (Arabic)");
        assertThat(seen.getString("dropped")).contains("caller is still with you");
        assertThat(ami.conferenceMembers("17000002003")).containsExactly(caller.channel(), PHONE_LEG);
        assertThat(ami.actions("ConfbridgeKick")).hasSize(1);
        assertThat(ami.actions("Redirect")).hasSize(1);
        assertThat(browser.audited("call.interpreter_add")).isEqualTo(2);
    }
}

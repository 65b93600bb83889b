package org.hotline.core.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.hotline.core.auth.Role;
import org.hotline.core.e2e.TestNode;
import org.hotline.core.node.Hotline;
import org.hotline.core.node.HotlineConfig;
import org.hotline.core.testsupport.BrowserScripts;
import org.hotline.core.testsupport.RecordingAgency;
import org.hotline.core.testsupport.Staff;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The supervisor view in headless Chromium against a real node: a text conversation that asks for an operator
 * appears, the supervisor reads what the sender wrote and answers; the answer leaves through sendsms.
 */
class TextConsoleBrowserIT {

    private static final String KEY = "browser-test-inbound-key-01";
    private static final String VICTIM = "+231770000004";

    @TempDir
    Path dir;

    private Vertx vertx;
    private RecordingAgency agencies;
    private RecordingSendsms sendsms;
    private Hotline node;

    @BeforeEach
    void start() throws Exception {
        BrowserScripts.require();
        vertx = Vertx.vertx();
        agencies = RecordingAgency.start(vertx);
        sendsms = new RecordingSendsms(vertx);
        Map<String, String> env = TestNode.env(dir, agencies);
        env.put("HOTLINE_KANNEL_INBOUND_KEY", KEY);
        env.put("HOTLINE_KANNEL_PASSWORD", "sendsms-password");
        env.put("HOTLINE_KANNEL_FROM", "1234");
        env.put("HOTLINE_KANNEL_SENDSMS_URL", sendsms.url());
        env.put("HOTLINE_TEXT_OUTBOX_POLL", "100ms");
        node = Hotline.start(HotlineConfig.fromEnv(env), env, Clock.systemUTC());
        Staff.create(node.mongo(), "sia.supervisor", Set.of(Role.SUPERVISOR), Optional.empty());
    }

    @AfterEach
    void stop() {
        if (node != null) {
            node.close();
        }
        if (vertx != null) {
            sendsms.close();
            agencies.close();
            vertx.close();
        }
    }

    @Test
    void shouldLetTheSupervisorReadAndAnswerATextConversationThatAsksForAnOperator() throws Exception {
        // given: a sender who chose English, then 0 (operator), then wrote
        Staff.signIn(node.httpPort(), "sia.supervisor");
        for (String[] message : List.of(new String[] {"c-1", "hello"}, new String[] {"c-2", "1"},
                new String[] {"c-3", "0"}, new String[] {"c-4", "my employer holds my passport"})) {
            assertThat(KannelPost.post(node.httpPort(), KEY, VICTIM, message[0], message[1]).statusCode()).isEqualTo(202);
        }

        // when
        BrowserScripts.Run run = BrowserScripts.run("text.mjs", List.of("http://127.0.0.1:" + node.httpPort(),
                "sia.supervisor", Staff.PASSWORD, BrowserScripts.screenshots().toString(),
                "my employer holds my passport", "We read you. Are you safe to write now?"), 120, line -> { });

        // then
        assertThat(run.exitCode()).as("browser script output: %s", run.lines()).isZero();
        JsonObject seen = new JsonObject(run.last());
        assertThat(seen.getJsonArray("rows").encode()).contains("SMS").doesNotContain("231770000004");
        assertThat(seen.getJsonArray("unlabelled")).isEmpty();
        await().atMost(Duration.ofSeconds(10)).until(() ->
                sendsms.textsTo(VICTIM).contains("We read you. Are you safe to write now?"));
    }
}

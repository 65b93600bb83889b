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
import org.hotline.core.live.internal.MongoOperatorDirectory;
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
        Staff.create(node.mongo(), "olu.operator", Set.of(Role.OPERATOR), Optional.empty());
        // the operator console listens for call pops on the operator's phone
        String operatorId = node.mongo().database().getCollection("users")
                .find(new org.bson.Document("username", "olu.operator")).first().getString("_id");
        new MongoOperatorDirectory(node.mongo()).assign(operatorId, "PJSIP/op-olu");
    }

    private void conversationAskingForAnOperator(String held) {
        // a sender who chose English, then 0 (operator), then wrote
        for (String[] message : List.of(new String[] {"c-1", "hello"}, new String[] {"c-2", "1"},
                new String[] {"c-3", "0"}, new String[] {"c-4", held})) {
            assertThat(KannelPost.post(node.httpPort(), KEY, VICTIM, message[0], message[1]).statusCode()).isEqualTo(202);
        }
    }

    private JsonObject answerInTheBrowser(String user, String page, String held, String reply) throws Exception {
        BrowserScripts.Run run = BrowserScripts.run("text.mjs", List.of("http://127.0.0.1:" + node.httpPort(),
                user, Staff.PASSWORD, BrowserScripts.screenshots().toString(), held, reply, page,
                page.contains("supervisor") ? "supervisor-text-conversation" : "operator-text-conversation"), 120,
                line -> { });
        assertThat(run.exitCode()).as("browser script output: %s", run.lines()).isZero();
        return new JsonObject(run.last());
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
        // given
        Staff.signIn(node.httpPort(), "sia.supervisor");
        conversationAskingForAnOperator("my employer holds my passport");

        // when
        JsonObject seen = answerInTheBrowser("sia.supervisor", "/console/supervisor.html",
                "my employer holds my passport", "We read you. Are you safe to write now?");

        // then
        assertThat(seen.getJsonArray("rows").encode()).contains("SMS").doesNotContain("231770000004");
        assertThat(seen.getJsonArray("unlabelled")).isEmpty();
        await().atMost(Duration.ofSeconds(10)).until(() ->
                sendsms.textsTo(VICTIM).contains("We read you. Are you safe to write now?"));
    }

    @Test
    void shouldLetAnOperatorAnswerFromTheOperatorConsole() throws Exception {
        // given
        conversationAskingForAnOperator("we are twelve in the boat");

        // when
        JsonObject seen = answerInTheBrowser("olu.operator", "/console/", "we are twelve in the boat",
                "Thank you. Where is the boat now?");

        // then
        assertThat(seen.getJsonArray("messages").encode()).contains("we are twelve in the boat");
        assertThat(seen.getJsonArray("unlabelled")).isEmpty();
        await().atMost(Duration.ofSeconds(10)).until(() ->
                sendsms.textsTo(VICTIM).contains("Thank you. Where is the boat now?"));
    }
}

package org.hotline.core.telephony;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.bson.Document;
import org.hotline.core.auth.Role;
import org.hotline.core.e2e.TestNode;
import org.hotline.core.live.internal.MongoOperatorDirectory;
import org.hotline.core.node.Hotline;
import org.hotline.core.node.HotlineConfig;
import org.hotline.core.testsupport.BrowserScripts;
import org.hotline.core.testsupport.RecordingAgency;
import org.hotline.core.testsupport.Staff;
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

    private final Vertx vertx = Vertx.vertx();
    private AmiSimulator ami;
    private RecordingAgency agencies;
    private Hotline node;

    @BeforeEach
    void start() throws Exception {
        BrowserScripts.require();
        ami = AmiSimulator.start("hotline", "ami-secret").member(PHONE);
        agencies = RecordingAgency.start(vertx);
        Path interpreters = dir.resolve("interpreters.yaml");
        Files.writeString(interpreters, """
                zone: Africa/Monrovia
                interpreters:
                  - id: relay-ar
                    language: ar
                    name: National relay (Arabic)
                    endpoint: PJSIP/interp-ar
                """);
        Map<String, String> env = new HashMap<>(TestNode.env(dir, agencies));
        env.put("HOTLINE_AMI_HOST", "127.0.0.1");
        env.put("HOTLINE_AMI_PORT", String.valueOf(ami.port()));
        env.put("HOTLINE_AMI_USERNAME", "hotline");
        env.put("HOTLINE_AMI_SECRET", "ami-secret");
        env.put("HOTLINE_INTERPRETERS_FILE", interpreters.toString());
        env.put("HOTLINE_INTERPRETER_RING_TIMEOUT", "10s");
        node = Hotline.start(HotlineConfig.fromEnv(env), env, Clock.systemUTC());
        Staff.create(node.mongo(), "olu.operator", Set.of(Role.OPERATOR), Optional.empty());
        String operatorId = node.mongo().database().getCollection("users")
                .find(new Document("username", "olu.operator")).first().getString("_id");
        new MongoOperatorDirectory(node.mongo()).assign(operatorId, PHONE);
        await().atMost(Duration.ofSeconds(10)).until(() -> ami.loggedInSessions() == 1);
    }

    @AfterEach
    void stop() throws Exception {
        if (node != null) {
            node.close();
        }
        if (agencies != null) {
            agencies.close();
        }
        if (ami != null) {
            ami.close();
        }
        vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    @Test
    void shouldFlagTheCallersLanguageAndAddAndDropTheInterpreterFromTheConsole() throws Exception {
        // given: a caller who chose Arabic (no prompts) in the IVR; the relay is busy at first, then answers
        Map<String, String> vars = new LinkedHashMap<>();
        vars.put("HOTLINE_LANG", "en");
        vars.put("HOTLINE_QUEUE", "operators");
        vars.put("HOTLINE_INTERPRETER", "ar");
        Caller caller = new Caller("PJSIP/trunk-1700000200-3", "1700000200.3", "+231770009999", vars);
        ami.channelUp(caller.channel(), caller.uniqueId()).channelUp(PHONE_LEG, "1700000099.1");
        AtomicInteger dials = new AtomicInteger();
        ami.onOriginate(action -> dials.incrementAndGet() == 1 ? OriginateOutcome.busy() : OriginateOutcome.answered());
        // when
        BrowserScripts.Run run = BrowserScripts.run("interpreter.mjs", List.of("http://127.0.0.1:" + node.httpPort(),
                "olu.operator", Staff.PASSWORD, BrowserScripts.screenshots().toString()), 120, line -> {
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
        assertThat(node.mongo().database().getCollection("audit_log").countDocuments(
                new Document("action", "call.interpreter_add"))).isEqualTo(2);
    }
}

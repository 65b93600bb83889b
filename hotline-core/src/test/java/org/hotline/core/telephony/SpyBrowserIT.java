package org.hotline.core.telephony;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
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

    private final Vertx vertx = Vertx.vertx();
    private AmiSimulator ami;
    private RecordingAgency agencies;
    private Hotline node;

    @BeforeEach
    void start() {
        BrowserScripts.require();
        ami = AmiSimulator.start("hotline", "ami-secret").member(OPERATOR_PHONE);
        agencies = RecordingAgency.start(vertx);
        Map<String, String> env = new HashMap<>(TestNode.env(dir, agencies));
        env.put("HOTLINE_AMI_HOST", "127.0.0.1");
        env.put("HOTLINE_AMI_PORT", String.valueOf(ami.port()));
        env.put("HOTLINE_AMI_USERNAME", "hotline");
        env.put("HOTLINE_AMI_SECRET", "ami-secret");
        node = Hotline.start(HotlineConfig.fromEnv(env), env, Clock.systemUTC());
        Staff.create(node.mongo(), "sia.supervisor", Set.of(Role.SUPERVISOR), Optional.empty());
        String supervisorId = node.mongo().database().getCollection("users")
                .find(new Document("username", "sia.supervisor")).first().getString("_id");
        new MongoOperatorDirectory(node.mongo()).assign(supervisorId, SUPERVISOR_PHONE);
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
    void shouldListenToAnOperatorsCallFromTheSupervisorViewAndStop() throws Exception {
        // given: Olu is talking to a caller
        Caller caller = Caller.fromIvr("1700000400.2", "123456789", "en", "operators");
        ami.channelUp(caller.channel(), caller.uniqueId()).channelUp(OPERATOR_PHONE + "-00000002", "1700000099.1");
        ami.emitRaw(QueueEvents.agentConnect(caller, "operators", OPERATOR_PHONE, 5));
        // when
        BrowserScripts.Run run = BrowserScripts.run("spy.mjs", List.of("http://127.0.0.1:" + node.httpPort(),
                "sia.supervisor", Staff.PASSWORD, BrowserScripts.screenshots().toString()), 120, line -> { });
        // then
        assertThat(run.exitCode()).as("browser script output: %s", run.lines()).isZero();
        JsonObject seen = new JsonObject(run.last());
        assertThat(seen.getJsonArray("problems")).isEmpty();
        assertThat(seen.getJsonArray("operators").encode()).contains(OPERATOR_PHONE);
        assertThat(seen.getString("listening")).contains("connected", "listen");
        assertThat(seen.getString("stopped")).contains("Stopped");
        assertThat(ami.actions("Originate")).singleElement().satisfies(o -> assertThat(o)
                .containsEntry("Channel", SUPERVISOR_PHONE).containsEntry("Exten", "listen"));
        assertThat(ami.actions("Hangup")).singleElement().satisfies(h -> assertThat(h.get("Channel"))
                .startsWith(SUPERVISOR_PHONE + "-"));
        assertThat(node.mongo().database().getCollection("audit_log").countDocuments(
                new Document("action", "call.spy_stop"))).isEqualTo(1);
    }
}

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

/** The operator console's wrap-up time and Ready button in headless Chromium against a real node and the AMI simulator. */
class WrapUpBrowserIT {

    private static final String OPERATOR_PHONE = "PJSIP/op-olu";

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
        env.put("HOTLINE_WRAPUP_TIME", "5m");
        node = Hotline.start(HotlineConfig.fromEnv(env), env, Clock.systemUTC());
        Staff.create(node.mongo(), "olu.operator", Set.of(Role.OPERATOR), Optional.empty());
        String operatorId = node.mongo().database().getCollection("users")
                .find(new Document("username", "olu.operator")).first().getString("_id");
        new MongoOperatorDirectory(node.mongo()).assign(operatorId, OPERATOR_PHONE);
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
    void shouldShowTheWrapUpAndMakeTheOperatorAvailableWhenReady() throws Exception {
        // given: a call of Olu's ends once the page is open
        Caller caller = Caller.fromIvr("1700000500.1", "123456789", "en", "operators");
        // when
        BrowserScripts.Run run = BrowserScripts.run("wrapup.mjs", List.of("http://127.0.0.1:" + node.httpPort(),
                "olu.operator", Staff.PASSWORD, BrowserScripts.screenshots().toString()), 120, line -> {
                    if (line.contains("\"step\":\"operator-signed-in\"")) {
                        ami.emitRaw(QueueEvents.agentComplete(caller, "operators", OPERATOR_PHONE, 3, 90, "caller"));
                    }
                });
        // then
        assertThat(run.exitCode()).as("browser script output: %s", run.lines()).isZero();
        JsonObject seen = new JsonObject(run.last());
        assertThat(seen.getJsonArray("problems")).isEmpty();
        assertThat(seen.getBoolean("hiddenBefore")).isTrue();
        assertThat(seen.getString("shown")).contains("Wrap-up");
        assertThat(seen.getBoolean("hiddenAfter")).isTrue();
        assertThat(ami.actions("QueuePause")).extracting(a -> a.get("Paused")).containsExactly("true", "false");
    }
}

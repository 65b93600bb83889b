package org.hotline.core.console;

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
import java.util.concurrent.TimeUnit;
import org.bson.Document;
import org.hotline.core.node.Hotline;
import org.hotline.core.node.HotlineConfig;
import org.hotline.core.auth.Role;
import org.hotline.core.e2e.Calls;
import org.hotline.core.e2e.TestNode;
import org.hotline.core.live.internal.MongoOperatorDirectory;
import org.hotline.core.testsupport.BrowserScripts;
import org.hotline.core.testsupport.RecordingAgency;
import org.hotline.core.testsupport.Staff;
import org.hotline.core.testsupport.ami.AmiSimulator;
import org.hotline.core.testsupport.ami.QueueEvents;
import org.hotline.core.testsupport.ami.QueueEvents.Caller;
import org.hotline.ivr.sim.AsteriskSimulator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The consoles in headless Chromium against a real node: calls come through the IVR over FastAGI (Asterisk
 * simulator) and reach the queue on the AMI simulator; agencies are a real HTTP server. A supervisor sees the
 * waiting call and a dead-lettered referral and retries it; an operator gets the call pop with what the caller
 * keyed in, completes the intake form and the agency gets the update. Screenshots land in
 * {@code <build dir>/screenshots/}.
 */
class ConsoleBrowserIT {

    private static final String PHONE = "PJSIP/op-olu";

    @TempDir
    Path dir;

    private final Vertx vertx = Vertx.vertx();
    private AmiSimulator ami;
    private RecordingAgency agencies;
    private Hotline node;

    @BeforeEach
    void start() {
        BrowserScripts.require();
        ami = AmiSimulator.start("hotline", "ami-secret").member(PHONE);
        agencies = RecordingAgency.start(vertx);
        Map<String, String> env = new java.util.HashMap<>(TestNode.env(dir, agencies));
        env.put("HOTLINE_AMI_HOST", "127.0.0.1");
        env.put("HOTLINE_AMI_PORT", String.valueOf(ami.port()));
        env.put("HOTLINE_AMI_USERNAME", "hotline");
        env.put("HOTLINE_AMI_SECRET", "ami-secret");
        node = Hotline.start(HotlineConfig.fromEnv(env), env, Clock.systemUTC());
        Staff.create(node.mongo(), "olu.operator", Set.of(Role.OPERATOR), Optional.empty());
        Staff.create(node.mongo(), "sia.supervisor", Set.of(Role.SUPERVISOR), Optional.empty());
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
    void shouldTakeACallFromQueueToReferralAndRetryADeadLetter() throws Exception {
        // given: the supervisor enrolled a second factor at an earlier sign-in; the page then asks for a code
        Staff.signIn(node.httpPort(), "sia.supervisor");
        // ... an earlier report whose referral the labour inspectorate refused (a dead letter) ...
        agencies.thenAnswer(400);
        String dead = report();
        await().atMost(Duration.ofSeconds(20)).until(() -> "DEAD_LETTER".equals(referralState(dead, "mol-labour")));
        // ... and a caller the IVR just handed to the operators' queue
        String waiting = report();
        await().atMost(Duration.ofSeconds(20)).until(() -> "DELIVERED".equals(referralState(waiting, "mol-labour")));
        Caller caller = Caller.fromIvr("1700000100.7", waiting, "en", "operators");
        ami.emitRaw(QueueEvents.callerJoin(caller, "operators", 1, 1));
        // when: the supervisor works the dead letter, then the queue rings the operator as soon as they listen
        BrowserScripts.Run run = BrowserScripts.run("console.mjs", List.of(baseUrl(), "olu.operator", "sia.supervisor",
                Staff.PASSWORD, BrowserScripts.screenshots().toString(), waiting, dead), 180, line -> {
                    if (line.contains("\"step\":\"operator-listening\"")) {
                        ami.emitRaw(QueueEvents.agentCalled(caller, "operators", PHONE));
                        ami.emitRaw(QueueEvents.agentConnect(caller, "operators", PHONE, 12));
                    }
                });
        // then
        assertThat(run.exitCode()).as("browser script output: %s", run.lines()).isZero();
        JsonObject seen = new JsonObject(run.last());
        assertThat(seen.getJsonArray("problems")).isEmpty();
        // the supervisor (enrolled at the node's first sign-in) typed a code of a step not used before
        assertThat(seen.getJsonObject("signIns").getJsonObject("sia.supervisor").getBoolean("enrolled")).isFalse();
        assertThat(run.lines()).anySatisfy(l -> assertThat(l).startsWith("{\"totp\":").contains("sia.supervisor"));
        assertThat(seen.getJsonArray("waiting").encode()).contains(waiting);
        assertThat(seen.getJsonArray("deadLetters").encode()).contains(dead);
        assertThat(seen.getBoolean("deadLetterGone")).isTrue();
        assertThat(referralState(dead, "mol-labour")).isEqualTo("DELIVERED");
        JsonObject pop = seen.getJsonObject("pop");
        assertThat(seen.getString("myStatus")).as("the operator's own queue state, from Asterisk")
                .isNotBlank().doesNotContain("looked up").doesNotContain("unknown");
        assertThat(pop.getString("reference")).isEqualTo(waiting);
        assertThat(pop.getString("situation")).isEqualTo("forced labour");
        assertThat(pop.getString("region")).isEqualTo("MO");
        assertThat(pop.getString("child")).isEqualTo("no");
        assertThat(pop.getString("consents")).contains("share services: yes");
        assertThat(pop.getString("prefilledReference")).isEqualTo(waiting);
        // the console reloaded mid-call shows the call again; a stream that reconnects keeps what was typed
        assertThat(seen.getString("reloadedReference")).isEqualTo(waiting);
        assertThat(seen.getJsonObject("repeated").getInteger("served")).isGreaterThanOrEqualTo(2);
        assertThat(seen.getJsonObject("repeated").getString("employer")).isEqualTo("typed during the call");
        assertThat(seen.getJsonArray("errors").encode()).contains("Caller's role: is required",
                "Number of victims: must be a whole number");
        assertThat(seen.getString("summaryFocused")).isEqualTo("form-summary");
        assertThat(seen.getJsonArray("operatorUnlabelled")).isEmpty();
        assertThat(seen.getJsonArray("supervisorUnlabelled")).isEmpty();
        assertThat(seen.getString("saved")).contains(waiting, "mol-labour");
        assertThat(seen.getBoolean("delivered")).isTrue();
        assertThat(agencies.requests()).anySatisfy(r -> assertThat(r.body()).contains(waiting, "Bong Mines quarry",
                "\"update\":true"));
        assertThat(BrowserScripts.screenshots().resolve("operator-call-pop.png")).isNotEmptyFile();
        assertThat(BrowserScripts.screenshots().resolve("supervisor-retried.png")).isNotEmptyFile();
    }

    private String report() throws Exception {
        return new AsteriskSimulator("127.0.0.1", node.agiPort()).call("hotline", Calls.forcedLabourReport())
                .variables().get("HOTLINE_REFERENCE");
    }

    private String referralState(String reference, String agency) {
        Document tip = node.mongo().database().getCollection("tips").find(new Document("reference", reference)).first();
        if (tip == null) {
            return null;
        }
        Document referral = node.mongo().database().getCollection("referrals")
                .find(new Document("_id", tip.getString("_id") + ":" + agency)).first();
        return referral == null ? null : referral.getString("state");
    }

    private String baseUrl() {
        return "http://127.0.0.1:" + node.httpPort();
    }
}

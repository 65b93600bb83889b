package org.hotline.core.live;

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
import org.hotline.core.node.Hotline;
import org.hotline.core.node.HotlineConfig;
import org.hotline.core.auth.Role;
import org.hotline.core.e2e.Calls;
import org.hotline.core.e2e.TestNode;
import org.hotline.core.live.internal.MongoOperatorDirectory;
import org.hotline.core.testsupport.RecordingAgency;
import org.hotline.core.testsupport.Staff;
import org.hotline.core.testsupport.ami.AmiSimulator;
import org.hotline.core.testsupport.ami.QueueEvents;
import org.hotline.core.testsupport.ami.QueueEvents.Caller;
import org.hotline.ivr.sim.AsteriskSimulator;
import org.hotline.ivr.sim.CallResult;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A whole node with {@code HOTLINE_AMI_*} set: a caller reports through the IVR (FastAGI simulator), the call
 * reaches an operator's queue (AMI simulator), and the signed-in operator's stream pops what the caller keyed in.
 */
class LiveNodeIT {

    @TempDir
    Path dir;

    private Vertx vertx;
    private RecordingAgency agencies;
    private AmiSimulator ami;
    private Hotline hotline;

    @BeforeEach
    void start() {
        vertx = Vertx.vertx();
        agencies = RecordingAgency.start(vertx);
        ami = AmiSimulator.start("hotline-core", "ami-secret-for-tests").member("PJSIP/op-ana");
        Map<String, String> env = new java.util.HashMap<>(TestNode.env(dir, agencies));
        env.putAll(Map.of("HOTLINE_AMI_HOST", "127.0.0.1", "HOTLINE_AMI_PORT", String.valueOf(ami.port()),
                "HOTLINE_AMI_USERNAME", "hotline-core", "HOTLINE_AMI_SECRET", "ami-secret-for-tests"));
        hotline = Hotline.start(HotlineConfig.fromEnv(env), env, Clock.systemUTC());
    }

    @AfterEach
    void stop() {
        hotline.close();
        ami.close();
        agencies.close();
        vertx.close();
    }

    @Test
    void shouldPopTheIvrReportToTheOperatorWhoAnswersTheQueueCall() throws Exception {
        // given
        await().atMost(Duration.ofSeconds(30)).until(() -> ami.loggedInSessions() == 1);
        Staff.Session ana = operator("ana.operator", "PJSIP/op-ana");
        LiveHttp http = new LiveHttp(hotline.httpPort());
        List<String> stream = http.openStream(ana.token());
        CallResult call = new AsteriskSimulator("127.0.0.1", hotline.agiPort()).call("hotline", Calls.forcedLabourReport());
        String reference = call.variables().get("HOTLINE_REFERENCE");
        await().atMost(Duration.ofSeconds(20)).until(() -> hotline.mongo().database().getCollection("tips")
                .countDocuments(new org.bson.Document("reference", reference)) == 1);
        Caller caller = Caller.fromIvr("1700000100.1", reference, "en", "operators");
        // when
        ami.emitRaw(QueueEvents.callerJoin(caller, "operators", 1, 1));
        ami.emitRaw(QueueEvents.agentConnect(caller, "operators", "PJSIP/op-ana", 4));
        // then
        await().atMost(Duration.ofSeconds(20)).until(() -> stream.contains("event: call-pop"));
        JsonObject pop = LiveHttp.dataAfter(stream, "event: call-pop");
        assertThat(pop.getString("reference")).isEqualTo(reference);
        assertThat(pop.getBoolean("tipFound")).isTrue();
        assertThat(pop.getString("exploitationType")).isEqualTo("forced_labour");
        assertThat(pop.getBoolean("childInvolved")).isFalse();
        assertThat(pop.getBoolean("immediateDanger")).isFalse();
        assertThat(pop.getJsonObject("consents").getBoolean("share_services")).isTrue();
        assertThat(pop.getJsonObject("consents").getBoolean("share_identity_police")).isFalse();
        assertThat(pop.getBoolean("recordingAvailable")).isFalse();
        assertThat(hotline.metrics().scrape()).contains("hotline_component_up{component=\"ami\",} 1.0")
                .contains("hotline_queue_calls_total{queue=\"operators\",outcome=\"answered\",} 1.0");
    }

    @Test
    void shouldShowTheCallInProgressToAConsoleOpenedDuringItButNotOnceItHasEnded() throws Exception {
        // given: the call reached the operator before their console was open (opened late, reloaded, reconnected)
        await().atMost(Duration.ofSeconds(30)).until(() -> ami.loggedInSessions() == 1);
        Staff.Session ana = operator("ana.operator", "PJSIP/op-ana");
        LiveHttp http = new LiveHttp(hotline.httpPort());
        List<String> before = http.openStream(ana.token());
        Caller first = Caller.fromIvr("1700000100.1", "111111111", "en", "operators");
        ami.emitRaw(QueueEvents.agentConnect(first, "operators", "PJSIP/op-ana", 4));
        await().atMost(Duration.ofSeconds(20)).until(() -> before.contains("event: call-pop"));
        // when: a console opens during the call
        List<String> during = http.openStream(ana.token());
        // then: it shows that call at once
        await().atMost(Duration.ofSeconds(20)).until(() -> during.contains("event: call-pop"));
        assertThat(LiveHttp.dataAfter(during, "event: call-pop").getString("callId")).isEqualTo("1700000100.1");
        // when: the call ends, and a console opens after that (the pops listener handles AMI events in order, so
        // once a later call's pop reached another operator, the end of the first call has been handled)
        Staff.Session ben = operator("ben.operator", "PJSIP/op-ben");
        List<String> bens = http.openStream(ben.token());
        ami.emitRaw(QueueEvents.agentComplete(first, "operators", "PJSIP/op-ana", 4, 60, "caller"));
        ami.emitRaw(QueueEvents.agentConnect(Caller.fromIvr("1700000150.9", "333333333", "en", "operators"),
                "operators", "PJSIP/op-ben", 2));
        await().atMost(Duration.ofSeconds(20)).until(() -> bens.contains("event: call-pop"));
        List<String> after = http.openStream(ana.token());
        Caller second = Caller.fromIvr("1700000200.2", "222222222", "en", "operators");
        ami.emitRaw(QueueEvents.agentConnect(second, "operators", "PJSIP/op-ana", 1));
        // then: the first pop that console gets is the new call, never the one that ended
        await().atMost(Duration.ofSeconds(20)).until(() -> after.contains("event: call-pop"));
        assertThat(LiveHttp.dataAfter(after, "event: call-pop").getString("callId")).isEqualTo("1700000200.2");
    }

    /** A signed-in operator whose phone is {@code phone}. */
    private Staff.Session operator(String username, String phone) throws Exception {
        Staff.create(hotline.mongo(), username, Set.of(Role.OPERATOR), Optional.empty());
        Staff.Session session = Staff.signIn(hotline.httpPort(), username);
        new MongoOperatorDirectory(hotline.mongo()).assign(session.userId(), phone);
        return session;
    }
}

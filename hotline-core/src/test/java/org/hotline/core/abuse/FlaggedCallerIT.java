package org.hotline.core.abuse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.bson.Document;
import org.hotline.core.auth.Role;
import org.hotline.core.e2e.Calls;
import org.hotline.core.e2e.TestNode;
import org.hotline.core.live.internal.MongoOperatorDirectory;
import org.hotline.core.node.Hotline;
import org.hotline.core.node.HotlineConfig;
import org.hotline.core.testsupport.RecordingAgency;
import org.hotline.core.testsupport.Staff;
import org.hotline.core.testsupport.ami.AmiSimulator;
import org.hotline.core.testsupport.ami.QueueEvents;
import org.hotline.core.testsupport.ami.QueueEvents.Caller;
import org.hotline.ivr.sim.AsteriskSimulator;
import org.hotline.ivr.sim.CallResult;
import org.hotline.ivr.sim.CallSetup;
import org.hotline.ivr.sim.CallerScript;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A number flagged for prank calls calls again, about a child, and asks for an operator: the IVR runs as for anyone
 * (FastAGI from the Asterisk simulator), the call reaches the queue, and the operator's call pop carries the warning.
 */
class FlaggedCallerIT {

    private static final String NUMBER = "0770999111";
    private static final String PHONE = "PJSIP/op-olu";

    @TempDir
    Path dir;

    private final Vertx vertx = Vertx.vertx();
    private final HttpClient http = HttpClient.newHttpClient();
    private AmiSimulator ami;
    private RecordingAgency agencies;
    private Hotline node;

    @BeforeEach
    void start() {
        ami = AmiSimulator.start("hotline", "ami-secret").member(PHONE);
        agencies = RecordingAgency.start(vertx);
        Map<String, String> env = new HashMap<>(TestNode.env(dir, agencies));
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
        node.close();
        agencies.close();
        ami.close();
        vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    @Test
    void shouldLetAFlaggedChildCallerReachAnOperatorWithAWarning() throws Exception {
        // given: an earlier report from the number, flagged by a supervisor
        AsteriskSimulator asterisk = new AsteriskSimulator("127.0.0.1", node.agiPort());
        String earlier = asterisk.call(CallSetup.of("hotline").withCallerId(NUMBER), Calls.forcedLabourReport())
                .variables().get("HOTLINE_REFERENCE");
        await().atMost(Duration.ofSeconds(20)).until(() -> node.mongo().database().getCollection("tips")
                .find(new Document("reference", earlier)).first() != null);
        String supervisor = Staff.signIn(node.httpPort(), "sia.supervisor").token();
        HttpResponse<String> flagged = send("POST", "/api/supervisor/abuse-flags", supervisor,
                "{\"reference\":\"" + earlier + "\",\"days\":7}");
        assertThat(flagged.statusCode()).as(flagged.body()).isEqualTo(201);
        assertThat(send("POST", "/api/supervisor/abuse-flags", Staff.signIn(node.httpPort(), "olu.operator").token(),
                "{\"reference\":\"" + earlier + "\",\"days\":7}").statusCode()).isEqualTo(403);

        // when: the same number calls about a child (region, then nationality "another country", then yes to a child)
        // and presses 0 for an operator at the danger question
        CallResult call = asterisk.call(CallSetup.of("hotline").withCallerId(NUMBER), CallerScript.pressing("1")
                .silence().press("1").press("1").press("1").press("3").press("1").press("0"));

        // then: the IVR ran as for anyone and handed the caller to the queue
        assertThat(call.promptsHeard()).contains("en/hotline/ask_child");
        assertThat(call.variables()).containsEntry("HOTLINE_STATUS", "OPERATOR");
        String reference = call.variables().get("HOTLINE_REFERENCE");
        await().atMost(Duration.ofSeconds(20)).until(() -> node.mongo().database().getCollection("tips")
                .find(new Document("reference", reference)).first() != null);
        assertThat(node.mongo().database().getCollection("tips").find(new Document("reference", reference)).first()
                .get("fields", Document.class).getBoolean("childInvolved")).isTrue();
        // ... and the operator's call pop warns
        List<String> stream = openEvents(Staff.signIn(node.httpPort(), "olu.operator").token());
        // the stream answers 200 before its subscription is in place on a busy machine: connect again until it pops
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofSeconds(1)).until(() -> {
            if (!stream.contains("event: call-pop")) {
                ami.emitRaw(QueueEvents.agentConnect(Caller.fromIvr("1700000600.1", reference, "en", "operators"),
                        "operators", PHONE, 2));
            }
            return stream.contains("event: call-pop");
        });
        await().atMost(Duration.ofSeconds(5)).until(() -> stream.size() > stream.indexOf("event: call-pop") + 1);
        JsonObject pop = new JsonObject(stream.get(stream.indexOf("event: call-pop") + 1).substring("data: ".length()));
        assertThat(pop.getBoolean("abuseWarning")).isTrue();
        assertThat(pop.getBoolean("childInvolved")).isTrue();
        assertThat(node.mongo().database().getCollection("audit_log").countDocuments(new Document("action", "abuse.flag")))
                .isEqualTo(1);
    }

    private List<String> openEvents(String token) throws Exception {
        HttpResponse<Stream<String>> response = http.send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + node.httpPort() + "/api/live/events"))
                .header("Authorization", "Bearer " + token).GET().build(), HttpResponse.BodyHandlers.ofLines());
        assertThat(response.statusCode()).isEqualTo(200);
        List<String> lines = new CopyOnWriteArrayList<>();
        Thread.ofVirtual().start(() -> {
            try (Stream<String> body = response.body()) {
                body.forEach(lines::add);
            } catch (RuntimeException e) {
                // the node stops at the end of the test
            }
        });
        return lines;
    }

    private HttpResponse<String> send(String method, String path, String token, String body) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + node.httpPort() + path))
                .timeout(Duration.ofSeconds(20)).header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + token)
                .method(method, HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }
}

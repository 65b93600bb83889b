package org.hotline.core.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.bson.Document;
import org.hotline.core.ami.AmiClient;
import org.hotline.core.ami.AmiConfig;
import org.hotline.core.audit.AuditEvent;
import org.hotline.core.audit.AuditLog;
import org.hotline.core.auth.Role;
import org.hotline.core.auth.Sessions;
import org.hotline.core.auth.UserAccounts;
import org.hotline.core.auth.AuthRoutes;
import org.hotline.core.auth.internal.SessionAccess;
import org.hotline.core.crypto.TipCipher;
import org.hotline.core.http.Health;
import org.hotline.core.http.HttpApi;
import org.hotline.core.live.internal.MongoOperatorDirectory;
import org.hotline.core.metrics.HotlineMetrics;
import org.hotline.core.storage.MongoStore;
import org.hotline.core.testsupport.SteppingClock;
import org.hotline.core.testsupport.ami.AmiSimulator;
import org.hotline.core.testsupport.ami.QueueEvents;
import org.hotline.core.testsupport.ami.QueueEvents.Caller;
import org.hotline.core.tip.TipQueries;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The live console API over real HTTP with real sign-in, fed by the AMI client from the AMI simulator over TCP,
 * tips read from the embedded MongoDB.
 */
class LiveRoutesIT {

    private static final String PASSWORD = "a long enough password";
    private static final String REFERENCE = "123456789";

    @TempDir
    Path dir;

    private Vertx vertx;
    private MongoStore mongo;
    private AmiSimulator sim;
    private AmiClient ami;
    private LiveHttp http;
    private final SteppingClock clock = new SteppingClock(java.time.Instant.now());
    private final List<AuditEvent> audited = new CopyOnWriteArrayList<>();

    @BeforeEach
    void start() throws Exception {
        vertx = Vertx.vertx();
        mongo = MongoStore.embedded(dir.resolve("mongo"), 0, "hotline", Duration.ofSeconds(3));
        sim = AmiSimulator.start("hotline", "secret").member("PJSIP/op-ana");
        HotlineMetrics metrics = new HotlineMetrics(false);
        ami = AmiClient.start(AmiConfig.of("127.0.0.1", sim.port(), "hotline", "secret"), metrics, Clock.systemUTC());
        TipCipher cipher = TipCipher.open(Map.of(), dir);
        TipQueries tips = new TipQueries(new org.hotline.core.tip.internal.MongoTipRepository(mongo, cipher));
        mongo.database().getCollection("tips").insertOne(cipher.seal(tip()));
        Live live = Live.wire(Optional.of(ami), tips::byReference, metrics, Clock.systemUTC());
        http = new LiveHttp(startApi(tips, live));
        await().atMost(Duration.ofSeconds(20)).until(() -> ami.isConnected() && sim.loggedInSessions() == 1);
    }

    private int startApi(TipQueries tips, Live live) throws Exception {
        AuditLog audit = audited::add;
        UserAccounts accounts = org.hotline.core.testsupport.Staff.accounts(mongo, audit);
        accounts.ensureIndexes();
        Sessions sessions = new Sessions(mongo, accounts, clock);
        MongoOperatorDirectory directory = new MongoOperatorDirectory(mongo);
        HttpApi.Deps deps = new HttpApi.Deps(tips, () -> new Health(true, true, 0, true, 0), 4096,
                new SessionAccess(vertx, sessions, audit, Duration.ofMillis(200)), List.of(new AuthRoutes(vertx, accounts, sessions, false,
                        Clock.systemUTC()), live.routes(vertx, directory, audit)));
        String ana = accounts.create("ana.operator", PASSWORD.toCharArray(), Set.of(Role.OPERATOR), Optional.empty(), "t");
        directory.assign(ana, "PJSIP/op-ana");
        accounts.create("olga.operator", PASSWORD.toCharArray(), Set.of(Role.OPERATOR), Optional.empty(), "t");
        accounts.create("sam.supervisor", PASSWORD.toCharArray(), Set.of(Role.SUPERVISOR), Optional.empty(), "t");
        return HttpApi.start(vertx, deps, "127.0.0.1", 0).toCompletionStage().toCompletableFuture()
                .get(10, TimeUnit.SECONDS).actualPort();
    }

    @AfterEach
    void stop() throws Exception {
        ami.close();
        sim.close();
        vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        mongo.close();
    }

    private static Document tip() {
        return new Document("_id", "tip-1").append("reference", REFERENCE).append("callerNumber", "+15550100")
                .append("recording", "rec/1700000001.5.wav")
                .append("fields", new Document("exploitationType", "SEXUAL_EXPLOITATION").append("region", "R2")
                        .append("childInvolved", true).append("immediateDanger", true).append("language", "fr"))
                .append("consents", new Document("record", true).append("callback", true)
                        .append("share_identity_police", false).append("share_services", true).append("statistics", false));
    }

    @Test
    void shouldPushTheCallPopToTheOperatorWhoseAgentConnected() throws Exception {
        // given
        List<String> stream = openStream(login("ana.operator"));
        Caller caller = Caller.fromIvr("1700000001.5", REFERENCE, "fr", "operators");
        sim.emitRaw(QueueEvents.callerJoin(caller, "operators", 1, 1));
        // when
        sim.emitRaw(QueueEvents.agentConnect(caller, "operators", "PJSIP/op-ana", 7));
        // then
        await().atMost(Duration.ofSeconds(20)).until(() -> stream.contains("event: call-pop"));
        JsonObject pop = LiveHttp.dataAfter(stream, "event: call-pop");
        assertThat(pop.getString("reference")).isEqualTo(REFERENCE);
        assertThat(pop.getString("language")).isEqualTo("fr");
        assertThat(pop.getString("exploitationType")).isEqualTo("SEXUAL_EXPLOITATION");
        assertThat(pop.getString("region")).isEqualTo("R2");
        assertThat(pop.getBoolean("childInvolved")).isTrue();
        assertThat(pop.getBoolean("immediateDanger")).isTrue();
        assertThat(pop.getJsonObject("consents").getBoolean("share_identity_police")).isFalse();
        assertThat(pop.getBoolean("recordingAvailable")).isTrue();
        assertThat(String.join("\n", stream)).doesNotContain("+1555").doesNotContain("event: queue");
    }

    @Test
    void shouldStreamQueueChangesToSupervisorsAndListWaitingCalls() throws Exception {
        // given
        String token = login("sam.supervisor");
        List<String> stream = openStream(token);
        await().atMost(Duration.ofSeconds(20)).until(() -> stream.contains("event: queue"));
        // when
        sim.emitRaw(QueueEvents.callerJoin(Caller.fromIvr("1700000003.1", REFERENCE, "en", "operators"), "operators", 1, 1));
        // then
        await().atMost(Duration.ofSeconds(20)).until(() -> stream.stream().anyMatch(l -> l.contains("1700000003.1")));
        HttpResponse<String> queue = get("/api/live/queue", token);
        assertThat(queue.statusCode()).isEqualTo(200);
        JsonObject body = new JsonObject(queue.body());
        assertThat(body.getBoolean("connected")).isTrue();
        assertThat(body.getJsonArray("waiting")).hasSize(1);
        assertThat(body.getJsonArray("waiting").getJsonObject(0).getString("reference")).isEqualTo(REFERENCE);
        assertThat(queue.body()).doesNotContain("+1555");
    }

    @Test
    void shouldEndTheEventStreamWhenItsSessionSignsOut() throws Exception {
        // given
        String token = login("sam.supervisor");
        LiveHttp.Stream stream = http.open(token);
        await().atMost(Duration.ofSeconds(20)).until(() -> stream.lines().contains("event: queue"));
        // when
        assertThat(http.logout(token).statusCode()).isEqualTo(204);
        // then
        assertThat(stream.ended()).succeedsWithin(Duration.ofSeconds(5));
    }

    @Test
    void shouldEndTheEventStreamWhenItsSessionExpires() throws Exception {
        // given
        String token = login("ana.operator");
        LiveHttp.Stream stream = http.open(token);
        // when
        clock.advance(Sessions.IDLE_TIMEOUT.plusMinutes(1));
        // then
        assertThat(stream.ended()).succeedsWithin(Duration.ofSeconds(5));
        Caller caller = Caller.fromIvr("1700000009.1", REFERENCE, "en", "operators");
        sim.emitRaw(QueueEvents.agentConnect(caller, "operators", "PJSIP/op-ana", 1));
        assertThat(stream.lines()).doesNotContain("event: call-pop");
    }

    @Test
    void shouldPauseAndUnpauseTheOperatorsOwnPhone() throws Exception {
        // given
        String token = login("ana.operator");
        // when
        HttpResponse<String> paused = post("/api/operators/me/pause", token, "{\"reason\":\"break\"}");
        HttpResponse<String> unpaused = post("/api/operators/me/unpause", token, "");
        // then
        assertThat(paused.statusCode()).isEqualTo(200);
        assertThat(new JsonObject(paused.body()).getBoolean("paused")).isTrue();
        assertThat(unpaused.statusCode()).isEqualTo(200);
        assertThat(sim.actions("QueuePause")).extracting(a -> a.get("Interface") + "/" + a.get("Paused"))
                .containsExactly("PJSIP/op-ana/true", "PJSIP/op-ana/false");
        assertThat(audited).extracting(AuditEvent::action).contains("operator.pause", "operator.unpause");
    }

    @Test
    void shouldShowTheOperatorTheirOwnQueueStateAsAsteriskReportsIt() throws Exception {
        // given
        String ana = login("ana.operator");
        // when: Ana pauses, then becomes available again (Asterisk answers each with a QueueMemberPause event)
        post("/api/operators/me/pause", ana, "");
        // then: her own status follows Asterisk's events
        await().atMost(Duration.ofSeconds(20)).until(() -> status(ana).getString("status").equals("PAUSED"));
        assertThat(status(ana).getString("agent")).isEqualTo("PJSIP/op-ana");
        assertThat(status(ana).getBoolean("connected")).isTrue();
        post("/api/operators/me/unpause", ana, "");
        await().atMost(Duration.ofSeconds(20)).until(() -> status(ana).getString("status").equals("AVAILABLE"));
        // and: an operator without a phone is told so, a supervisor has no such status
        assertThat(status(login("olga.operator")).getString("status")).isEqualTo("NO_PHONE");
        assertThat(get("/api/operators/me/status", login("sam.supervisor")).statusCode()).isEqualTo(403);
    }

    @Test
    void shouldSayTheOperatorsStatusIsUnknownWhileAsteriskIsUnreachable() throws Exception {
        // given
        String ana = login("ana.operator");
        // when
        sim.close();
        await().atMost(Duration.ofSeconds(20)).until(() -> !ami.isConnected());
        // then
        await().atMost(Duration.ofSeconds(20)).until(() -> !status(ana).getBoolean("connected"));
        assertThat(status(ana).getString("status")).isEqualTo("UNKNOWN");
    }

    private JsonObject status(String token) throws Exception {
        HttpResponse<String> answer = get("/api/operators/me/status", token);
        assertThat(answer.statusCode()).isEqualTo(200);
        return new JsonObject(answer.body());
    }

    @Test
    void shouldRefuseABadPauseReasonWithoutTouchingAsterisk() throws Exception {
        // given
        String token = login("ana.operator");
        // when
        HttpResponse<String> tooLong = post("/api/operators/me/pause", token, "{\"reason\":\"" + "x".repeat(81) + "\"}");
        HttpResponse<String> notText = post("/api/operators/me/pause", token, "{\"reason\":42}");
        HttpResponse<String> notJson = post("/api/operators/me/pause", token, "pause please");
        // then
        assertThat(List.of(tooLong, notText, notJson)).allSatisfy(r -> assertThat(r.statusCode()).isEqualTo(400));
        assertThat(new JsonObject(tooLong.body()).getString("code")).isEqualTo("invalid_reason");
        assertThat(new JsonObject(notJson.body()).getString("code")).isEqualTo("invalid_json");
        assertThat(sim.actions("QueuePause")).isEmpty();
    }

    @Test
    void shouldTellAnOperatorWithoutAPhoneInsteadOfPausingSomeoneElse() throws Exception {
        // given
        String token = login("olga.operator");
        // when
        HttpResponse<String> pause = post("/api/operators/me/pause", token, "");
        HttpResponse<String> events = get("/api/live/events", token);
        // then
        assertThat(pause.statusCode()).isEqualTo(409);
        assertThat(new JsonObject(pause.body()).getString("code")).isEqualTo("no_phone");
        assertThat(events.statusCode()).isEqualTo(409);
        assertThat(sim.actions("QueuePause")).isEmpty();
    }

    @Test
    void shouldAnswer503WhenAsteriskIsUnreachable() throws Exception {
        // given
        String token = login("ana.operator");
        sim.goSilent();
        sim.dropConnections();
        await().atMost(Duration.ofSeconds(20)).until(() -> !ami.isConnected());
        // when
        HttpResponse<String> pause = post("/api/operators/me/pause", token, "");
        // then
        assertThat(pause.statusCode()).isEqualTo(503);
        assertThat(new JsonObject(pause.body()).getString("code")).isEqualTo("telephony_unavailable");
    }

    @Test
    void shouldKeepEachRoleToItsOwnEndpoints() throws Exception {
        // given
        String operator = login("ana.operator");
        String supervisor = login("sam.supervisor");
        // when / then
        assertThat(get("/api/live/queue", operator).statusCode()).isEqualTo(403);
        assertThat(post("/api/operators/me/pause", supervisor, "").statusCode()).isEqualTo(403);
        assertThat(post("/api/operators/me/unpause", supervisor, "").statusCode()).isEqualTo(403);
        assertThat(get("/api/live/queue", null).statusCode()).isEqualTo(401);
        assertThat(get("/api/live/events", null).statusCode()).isEqualTo(401);
        assertThat(sim.actions("QueuePause")).isEmpty();
    }

    private String login(String username) throws Exception {
        return http.login(username, PASSWORD);
    }

    private List<String> openStream(String token) throws Exception {
        return http.openStream(token);
    }

    private HttpResponse<String> get(String path, String token) throws Exception {
        return http.get(path, token);
    }

    private HttpResponse<String> post(String path, String token, String body) throws Exception {
        return http.post(path, token, body);
    }
}

package org.hotline.core.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.bson.Document;
import org.hotline.core.audit.AuditLog;
import org.hotline.core.auth.AuthRoutes;
import org.hotline.core.auth.Role;
import org.hotline.core.auth.Sessions;
import org.hotline.core.auth.UserAccounts;
import org.hotline.core.auth.internal.SessionAccess;
import org.hotline.core.intake.ReferenceCodec;
import org.hotline.core.metrics.HotlineMetrics;
import org.hotline.core.storage.MongoStore;
import org.hotline.core.testsupport.Staff;
import org.hotline.core.tip.TipQueries;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HttpApiIT {

    @TempDir
    Path dir;

    private Vertx vertx;
    private MongoStore mongo;
    private WebClient client;
    private int port;
    private final AtomicBoolean mongoUp = new AtomicBoolean(true);
    private HotlineMetrics metrics;
    private final List<org.hotline.core.audit.AuditEvent> audited = new java.util.concurrent.CopyOnWriteArrayList<>();
    private Staff.Session operator;

    @BeforeEach
    void start() throws Exception {
        vertx = Vertx.vertx();
        mongo = MongoStore.embedded(dir.resolve("mongo"), 0, "hotline", Duration.ofSeconds(3));
        metrics = new HotlineMetrics(false);
        AuditLog audit = audited::add;
        UserAccounts accounts = org.hotline.core.testsupport.Staff.accounts(mongo, audit);
        accounts.ensureIndexes();
        Sessions sessions = new Sessions(mongo, accounts, Clock.systemUTC());
        HttpApi.Deps deps = new HttpApi.Deps(metrics, new TipQueries(new org.hotline.core.tip.internal.MongoTipRepository(mongo,
                org.hotline.core.crypto.TipCipher.open(java.util.Map.of(), dir)), audit),
                () -> new Health(mongoUp.get(), true, 0, true, 0), 1024, new SessionAccess(vertx, sessions, audit),
                List.of(new AuthRoutes(vertx, accounts, sessions, false, Clock.systemUTC())));
        HttpServer server = HttpApi.start(vertx, deps, "127.0.0.1", 0).toCompletionStage().toCompletableFuture()
                .get(10, TimeUnit.SECONDS);
        port = server.actualPort();
        client = WebClient.create(vertx);
        Staff.create(mongo, "olu.operator", Set.of(Role.OPERATOR), Optional.empty());
        Staff.create(mongo, "aki.agency", Set.of(Role.AGENCY_USER), Optional.of("nattf"));
        operator = Staff.signIn(port, "olu.operator");
    }

    @AfterEach
    void stop() throws Exception {
        vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        mongo.close();
    }

    @Test
    void shouldReportHealthAndDegradeWhenOnlyMongoIsDown() throws Exception {
        HttpResponse<Buffer> up = get("/health");
        assertThat(up.statusCode()).isEqualTo(200);
        assertThat(up.bodyAsJsonObject().getString("status")).isEqualTo("UP");

        mongoUp.set(false);
        HttpResponse<Buffer> degraded = get("/health");
        assertThat(degraded.statusCode()).isEqualTo(200);
        assertThat(degraded.bodyAsJsonObject().getString("status")).isEqualTo("DEGRADED");
        assertThat(degraded.bodyAsJsonObject().getJsonObject("mongodb").getBoolean("up")).isFalse();
    }

    @Test
    void shouldServeMetricsInPrometheusTextFormat() throws Exception {
        metrics.callStarted();
        HttpResponse<Buffer> response = get("/metrics");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.getHeader("Content-Type")).startsWith("text/plain; version=0.0.4");
        assertThat(response.bodyAsString()).contains("hotline_calls_active 1.0");
    }

    @Test
    void shouldShowATipsStatusWithoutAnythingThatIdentifiesTheCaller() throws Exception {
        // given
        String reference = new ReferenceCodec(new byte[32], 0).encode(7);
        mongo.database().getCollection("tips").insertOne(new Document("_id", "tip-1").append("reference", reference)
                .append("receivedAt", new Date()).append("status", "REFERRED").append("outcome", "COMPLETED")
                .append("callerHash", "abc").append("pinHash", "def").append("recording", "/spool/x.wav")
                .append("fields", new Document("exploitationType", "forced_labour").append("region", "MO")
                        .append("narrative", "my employer took my passport").append("callerName", "Ama")));
        // when
        HttpResponse<Buffer> response = get("/api/tips/" + reference, operator);
        // then
        assertThat(response.statusCode()).isEqualTo(200);
        JsonObject body = response.bodyAsJsonObject();
        assertThat(body.getString("reference")).isEqualTo(reference);
        assertThat(body.getJsonObject("fields").getString("exploitationType")).isEqualTo("forced_labour");
        assertThat(response.bodyAsString()).doesNotContain("passport", "Ama", "abc", "def", "spool");
        assertThat(audited).filteredOn(e -> e.action().equals("tip.read")).singleElement()
                .satisfies(e -> assertThat(e.target()).isEqualTo(reference))
                .satisfies(e -> assertThat(e.actor()).isNotBlank().isNotEqualTo("system"));
    }

    @Test
    void shouldAnswerClearJsonErrorsForBadOrUnknownReferences() throws Exception {
        HttpResponse<Buffer> malformed = get("/api/tips/12ab", operator);
        assertThat(malformed.statusCode()).isEqualTo(400);
        assertThat(malformed.bodyAsJsonObject().getString("code")).isEqualTo("invalid_reference");

        String unknown = new ReferenceCodec(new byte[32], 0).encode(8);
        HttpResponse<Buffer> missing = get("/api/tips/" + unknown, operator);
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(missing.bodyAsJsonObject().getString("code")).isEqualTo("not_found");

        HttpResponse<Buffer> noRoute = get("/nothing-here");
        assertThat(noRoute.statusCode()).isEqualTo(404);
        assertThat(noRoute.bodyAsJsonObject().getString("code")).isEqualTo("not_found");
    }

    @Test
    void shouldRefuseTheTipStatusToAnyoneButOperatorsAndSupervisors() throws Exception {
        // given
        String reference = new ReferenceCodec(new byte[32], 0).encode(9);
        Staff.Session agency = Staff.signIn(port, "aki.agency");
        // when
        HttpResponse<Buffer> anonymous = get("/api/tips/" + reference);
        HttpResponse<Buffer> agencyUser = get("/api/tips/" + reference, agency);
        // then
        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertThat(anonymous.bodyAsJsonObject().getString("code")).isEqualTo("not_signed_in");
        assertThat(agencyUser.statusCode()).isEqualTo(403);
        assertThat(agencyUser.bodyAsJsonObject().getString("code")).isEqualTo("forbidden");
    }

    @Test
    void shouldRefuseAnOversizeBodyWithAJsonError() throws Exception {
        HttpResponse<Buffer> response = client.post(port, "127.0.0.1", "/api/tips/123456789")
                .putHeader("Content-Type", "application/json")
                .sendBuffer(Buffer.buffer("{\"x\":\"" + "a".repeat(4096) + "\"}"))
                .toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(response.bodyAsJsonObject().getString("code")).isEqualTo("body_too_large");
    }

    private HttpResponse<Buffer> get(String path, Staff.Session session) throws Exception {
        return client.get(port, "127.0.0.1", path).putHeader("Authorization", session.bearer()).send()
                .toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    private HttpResponse<Buffer> get(String path) throws Exception {
        return client.get(port, "127.0.0.1", path).send().toCompletionStage().toCompletableFuture()
                .get(10, TimeUnit.SECONDS);
    }
}

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
import org.hotline.core.metrics.MetricsRoutes;
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
    private static final String SCRAPE_TOKEN = "scrape-token-0123456789abcdef";

    private HotlineMetrics metrics;
    private HttpApi.Deps deps;
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
        deps = new HttpApi.Deps(new TipQueries(new org.hotline.core.tip.internal.MongoTipRepository(mongo,
                org.hotline.core.crypto.TipCipher.open(java.util.Map.of(), dir)), audit,
                new org.hotline.core.referral.ReferralQueries(mongo.database())::statesOf),
                () -> new Health(mongoUp.get(), true, 0, true, 0), 1024, new SessionAccess(vertx, sessions, audit),
                List.of(new AuthRoutes(vertx, accounts, sessions, false, Clock.systemUTC()),
                        new MetricsRoutes(metrics, Optional.of(SCRAPE_TOKEN), false)));
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
    void shouldServeMetricsInPrometheusTextFormatToAScraperWithTheToken() throws Exception {
        // given
        metrics.callStarted();

        // when
        HttpResponse<Buffer> response = getWithAuthorization(port, "/metrics", "Bearer " + SCRAPE_TOKEN);

        // then
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.getHeader("Content-Type")).startsWith("text/plain; version=0.0.4");
        assertThat(response.bodyAsString()).contains("hotline_calls_active 1.0");
    }

    @Test
    void shouldRefuseMetricsWithoutTheScrapeToken() throws Exception {
        // given
        metrics.callStarted();

        // when
        HttpResponse<Buffer> none = get("/metrics");
        HttpResponse<Buffer> wrong = getWithAuthorization(port, "/metrics", "Bearer " + SCRAPE_TOKEN + "x");
        HttpResponse<Buffer> staff = get("/metrics", operator);

        // then
        assertThat(none.statusCode()).isEqualTo(401);
        assertThat(none.getHeader("WWW-Authenticate")).startsWith("Bearer");
        assertThat(wrong.statusCode()).isEqualTo(403);
        assertThat(staff.statusCode()).isEqualTo(403);
        assertThat(List.of(none, wrong, staff)).allSatisfy(r -> assertThat(r.bodyAsString()).doesNotContain("hotline_"));
    }

    @Test
    void shouldRefuseEveryScrapeOutsideDemoModeWhenNoTokenIsSet() throws Exception {
        // given
        int closed = startWith(new MetricsRoutes(metrics, Optional.empty(), false));

        // when
        HttpResponse<Buffer> none = getWithAuthorization(closed, "/metrics", null);
        HttpResponse<Buffer> guessed = getWithAuthorization(closed, "/metrics", "Bearer anything-at-all-here");

        // then
        assertThat(none.statusCode()).isEqualTo(401);
        assertThat(guessed.statusCode()).isEqualTo(403);
        assertThat(guessed.bodyAsJsonObject().getString("message")).contains("HOTLINE_METRICS_TOKEN");
    }

    @Test
    void shouldServeMetricsToAnyoneInDemoModeWithoutAToken() throws Exception {
        // given
        int demo = startWith(new MetricsRoutes(metrics, Optional.empty(), true));

        // when
        HttpResponse<Buffer> response = getWithAuthorization(demo, "/metrics", null);

        // then
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.bodyAsString()).contains("hotline_calls_active");
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
        Date delivered = Date.from(java.time.Instant.parse("2026-11-23T10:00:01Z"));
        mongo.database().getCollection("referrals").insertMany(List.of(
                new Document("_id", "tip-1:police").append("tipId", "tip-1").append("agencyId", "police")
                        .append("state", "DELIVERED").append("deliveredAt", delivered)
                        .append("payload", new Document("narrative", "my employer took my passport")),
                new Document("_id", "tip-1:police:update:2").append("tipId", "tip-1").append("agencyId", "police")
                        .append("kind", "update").append("state", "PENDING"),
                new Document("_id", "tip-1:social").append("tipId", "tip-1").append("agencyId", "social")
                        .append("state", "SENDING")));
        // when
        HttpResponse<Buffer> response = get("/api/tips/" + reference, operator);
        // then
        assertThat(response.statusCode()).isEqualTo(200);
        JsonObject body = response.bodyAsJsonObject();
        assertThat(body.getString("reference")).isEqualTo(reference);
        assertThat(body.getJsonObject("fields").getString("exploitationType")).isEqualTo("forced_labour");
        // each agency's referral as the referral says, not the update sent after it
        assertThat(body.getJsonObject("referrals").getMap()).containsOnlyKeys("police", "social");
        assertThat(body.getJsonObject("referrals").getJsonObject("police").getString("state")).isEqualTo("DELIVERED");
        assertThat(body.getJsonObject("referrals").getJsonObject("police").getString("deliveredAt"))
                .isEqualTo("2026-11-23T10:00:01Z");
        assertThat(body.getJsonObject("referrals").getJsonObject("social").getString("state")).isEqualTo("SENDING");
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

    /** Another server on the same parts, with only {@code metrics} as its feature; its port. */
    private int startWith(MetricsRoutes metricsRoutes) throws Exception {
        HttpApi.Deps only = new HttpApi.Deps(deps.tips(), deps.health(), deps.maxBodyBytes(), deps.access(),
                List.of(metricsRoutes));
        return HttpApi.start(vertx, only, "127.0.0.1", 0).toCompletionStage().toCompletableFuture()
                .get(10, TimeUnit.SECONDS).actualPort();
    }

    private HttpResponse<Buffer> getWithAuthorization(int serverPort, String path, String authorization) throws Exception {
        var request = client.get(serverPort, "127.0.0.1", path);
        if (authorization != null) {
            request.putHeader("Authorization", authorization);
        }
        return request.send().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    private HttpResponse<Buffer> get(String path) throws Exception {
        return client.get(port, "127.0.0.1", path).send().toCompletionStage().toCompletableFuture()
                .get(10, TimeUnit.SECONDS);
    }
}

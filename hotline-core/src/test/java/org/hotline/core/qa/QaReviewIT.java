package org.hotline.core.qa;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
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
import org.hotline.core.audit.AuditEvent;
import org.hotline.core.audit.AuditLog;
import org.hotline.core.auth.AuthRoutes;
import org.hotline.core.auth.Role;
import org.hotline.core.auth.Sessions;
import org.hotline.core.auth.UserAccounts;
import org.hotline.core.auth.internal.SessionAccess;
import org.hotline.core.crypto.TipCipher;
import org.hotline.core.http.Health;
import org.hotline.core.http.HttpApi;
import org.hotline.core.qa.internal.MongoQaReviews;
import org.hotline.core.storage.MongoStore;
import org.hotline.core.testsupport.Staff;
import org.hotline.core.tip.Tip;
import org.hotline.core.tip.TipQueries;
import org.hotline.core.tip.internal.MongoTipRepository;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** QA reviews over real HTTP with real sign-in, stored in the embedded MongoDB with the note sealed under the tip. */
class QaReviewIT {

    private static final String PASSWORD = "a long enough password";
    private static final String REFERENCE = "123456789";
    private static final String NOTE = "Asked the caller's name before the safety question";

    @TempDir
    Path dir;

    private final Vertx vertx = Vertx.vertx();
    private final HttpClient http = HttpClient.newHttpClient();
    private final List<AuditEvent> audited = new CopyOnWriteArrayList<>();
    private MongoStore mongo;
    private TipCipher cipher;
    private int port;

    @BeforeEach
    void start() throws Exception {
        mongo = MongoStore.embedded(dir.resolve("mongo"), 0, "hotline", Duration.ofSeconds(3));
        cipher = TipCipher.open(Map.of(), dir);
        mongo.database().getCollection("tips").insertOne(cipher.seal(new Document("_id", "tip-1")
                .append("reference", REFERENCE).append("fields", new Document("language", "en"))
                .append("consents", new Document())));
        TipQueries tips = new TipQueries(new MongoTipRepository(mongo, cipher));
        AuditLog audit = audited::add;
        UserAccounts accounts = Staff.accounts(mongo, audit);
        accounts.ensureIndexes();
        Sessions sessions = new Sessions(mongo, accounts, Clock.systemUTC());
        QaRoutes qa = new QaRoutes(vertx, new MongoQaReviews(mongo), reference -> tips.byReference(reference).map(Tip::id),
                cipher, 3, audit, Clock.systemUTC());
        HttpApi.Deps deps = new HttpApi.Deps(tips, () -> new Health(true, true, 0, true, 0), 8192,
                new SessionAccess(vertx, sessions, audit, Duration.ofMillis(200)),
                List.of(new AuthRoutes(vertx, accounts, sessions, false, Clock.systemUTC()), qa));
        accounts.create("sam.supervisor", PASSWORD.toCharArray(), Set.of(Role.SUPERVISOR), Optional.empty(), "t");
        accounts.create("ana.operator", PASSWORD.toCharArray(), Set.of(Role.OPERATOR), Optional.empty(), "t");
        port = HttpApi.start(vertx, deps, "127.0.0.1", 0).toCompletionStage().toCompletableFuture()
                .get(10, TimeUnit.SECONDS).actualPort();
    }

    @AfterEach
    void stop() throws Exception {
        vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        mongo.close();
    }

    private static String review(String operator, int score, String note) {
        return new JsonObject().put("reference", REFERENCE).put("operator", operator).put("note", note)
                .put("scores", new JsonObject().put("greeting", score).put("safety", score).put("listening", score)
                        .put("information", score).put("referral", 5)).encode();
    }

    @Test
    void shouldStoreTheReviewWithTheNoteSealedUnderTheTipAndAuditIt() throws Exception {
        // given
        String sam = Staff.signIn(port, "sam.supervisor", PASSWORD).token();
        // when
        HttpResponse<String> saved = send("POST", "/api/supervisor/qa", sam, review("PJSIP/op-ana", 4, NOTE));
        // then
        assertThat(saved.statusCode()).isEqualTo(201);
        Document stored = mongo.database().getCollection("qa_reviews").find().first();
        assertThat(stored.getString("note")).isNotBlank().doesNotContain("safety question");
        assertThat(cipher.openText("tip-1", "qa.note", stored.getString("note"))).isEqualTo(NOTE);
        assertThat(stored.get("scores", Document.class).getInteger("greeting")).isEqualTo(4);
        assertThat(audited).filteredOn(e -> e.action().equals("qa.review")).singleElement().satisfies(e -> {
            assertThat(e.target()).isEqualTo(REFERENCE);
            assertThat(e.details()).containsEntry("note", "given").containsEntry("operator", "PJSIP/op-ana");
        });
    }

    @Test
    void shouldRejectEveryBadFieldAndStoreNothing() throws Exception {
        // given
        String sam = Staff.signIn(port, "sam.supervisor", PASSWORD).token();
        String bad = new JsonObject().put("reference", REFERENCE).put("operator", "ana")
                .put("scores", new JsonObject().put("greeting", 7).put("safety", "good")).encode();
        // when
        HttpResponse<String> answer = send("POST", "/api/supervisor/qa", sam, bad);
        HttpResponse<String> unknown = send("POST", "/api/supervisor/qa", sam,
                review("PJSIP/op-ana", 3, "").replace(REFERENCE, "999999999"));
        // then
        assertThat(answer.statusCode()).isEqualTo(400);
        assertThat(answer.body()).contains("operator", "scores.greeting", "scores.safety", "scores.referral");
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(mongo.database().getCollection("qa_reviews").countDocuments()).isZero();
    }

    @Test
    void shouldShowPerOperatorAveragesAndSuppressOperatorsWithFewReviews() throws Exception {
        // given: three reviews of Ana, one of Ben; the smallest cell is 3
        String sam = Staff.signIn(port, "sam.supervisor", PASSWORD).token();
        for (int score : new int[] {3, 4, 5}) {
            assertThat(send("POST", "/api/supervisor/qa", sam, review("PJSIP/op-ana", score, "")).statusCode())
                    .isEqualTo(201);
        }
        send("POST", "/api/supervisor/qa", sam, review("PJSIP/op-ben", 1, ""));
        // when
        JsonObject figures = new JsonObject(send("GET", "/api/stats/qa", sam, null).body());
        // then
        JsonObject ana = figures.getJsonArray("operators").getJsonObject(0);
        JsonObject ben = figures.getJsonArray("operators").getJsonObject(1);
        assertThat(ana.getString("operator")).isEqualTo("PJSIP/op-ana");
        assertThat(ana.getLong("reviews")).isEqualTo(3);
        assertThat(ana.getJsonObject("averages").getDouble("greeting")).isEqualTo(4.0);
        assertThat(ben.getString("reviews")).isEqualTo("< 3");
        assertThat(ben.containsKey("averages")).isFalse();
    }

    @Test
    void shouldKeepReviewsAndFiguresFromOperators() throws Exception {
        // given
        String ana = Staff.signIn(port, "ana.operator", PASSWORD).token();
        // when / then
        assertThat(send("POST", "/api/supervisor/qa", ana, review("PJSIP/op-ana", 5, "")).statusCode()).isEqualTo(403);
        assertThat(send("GET", "/api/stats/qa", ana, null).statusCode()).isEqualTo(403);
        assertThat(mongo.database().getCollection("qa_reviews").countDocuments()).isZero();
    }

    private HttpResponse<String> send(String method, String path, String token, String body) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(20)).header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + token)
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
                .build(), HttpResponse.BodyHandlers.ofString());
    }
}

package org.hotline.core.auth;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.bson.Document;
import org.hotline.core.audit.AuditEvent;
import org.hotline.core.auth.internal.SessionAccess;
import org.hotline.core.crypto.TipCipher;
import org.hotline.core.http.Health;
import org.hotline.core.http.HttpApi;
import org.hotline.core.storage.MongoStore;
import org.hotline.core.testsupport.Staff;
import org.hotline.core.tip.TipQueries;
import org.hotline.core.tip.internal.MongoTipRepository;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The second factor (TOTP) at sign-in, enrolment, recovery codes and resets, over real HTTP and MongoDB. */
class SecondFactorIT {

    private static final String PASSWORD = "a long enough password";

    @TempDir
    Path dir;

    private Vertx vertx;
    private MongoStore mongo;
    private WebClient client;
    private int port;
    private final List<AuditEvent> audited = new CopyOnWriteArrayList<>();

    @BeforeEach
    void start() throws Exception {
        vertx = Vertx.vertx();
        mongo = MongoStore.embedded(dir.resolve("mongo"), 0, "hotline", Duration.ofSeconds(3));
        UserAccounts accounts = Staff.accounts(mongo, audited::add);
        accounts.ensureIndexes();
        Sessions sessions = new Sessions(mongo, accounts, Clock.systemUTC());
        HttpApi.Deps deps = new HttpApi.Deps(
                new TipQueries(new MongoTipRepository(mongo, TipCipher.open(Map.of(), dir))),
                () -> new Health(true, true, 0, true, 0), 4096, new SessionAccess(vertx, sessions, audited::add),
                List.of(new AuthRoutes(vertx, accounts, sessions, false, Clock.systemUTC()),
                        new SecondFactorRoutes(vertx, accounts)));
        port = HttpApi.start(vertx, deps, "127.0.0.1", 0).toCompletionStage().toCompletableFuture()
                .get(10, TimeUnit.SECONDS).actualPort();
        client = WebClient.create(vertx);
        accounts.create("sam.supervisor", PASSWORD.toCharArray(), Set.of(Role.SUPERVISOR), Optional.empty(), "t");
        accounts.create("mia.ministry", PASSWORD.toCharArray(), Set.of(Role.MINISTRY_ADMIN), Optional.empty(), "t");
        accounts.create("aki.agency", PASSWORD.toCharArray(), Set.of(Role.AGENCY_USER), Optional.of("nattf"), "t");
        accounts.create("ana.operator", PASSWORD.toCharArray(), Set.of(Role.OPERATOR), Optional.empty(), "t");
    }

    @AfterEach
    void stop() throws Exception {
        vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        mongo.close();
    }

    @Test
    void shouldMakeSupervisorsAdministratorsAndAgencyUsersEnrolShowingEachSecretOnceAndStoringItEncrypted()
            throws Exception {
        for (String username : List.of("sam.supervisor", "mia.ministry", "aki.agency")) {
            // when
            HttpResponse<Buffer> first = login(username, null);
            HttpResponse<Buffer> again = login(username, null);
            // then
            JsonObject body = first.bodyAsJsonObject();
            assertThat(first.statusCode()).isEqualTo(200);
            assertThat(body.getString("status")).isEqualTo("enrolment_required");
            assertThat(body.getString("token")).isNull();
            assertThat(first.cookies()).isEmpty();
            assertThat(body.getString("otpauthUri")).startsWith("otpauth://totp/Hotline:" + username + "?secret="
                    + body.getString("secret"));
            String secondSecret = again.bodyAsJsonObject().getString("secret");
            assertThat(secondSecret).isNotEqualTo(body.getString("secret"));
            Document stored = factorOf(username);
            assertThat(stored.getString("secret")).startsWith("enc1:").doesNotContain(secondSecret);
        }
    }

    @Test
    void shouldConfirmWithACodeAndThenRequireACodeAtEverySignInForTheBearerTokenToo() throws Exception {
        // given
        String secret = login("sam.supervisor", null).bodyAsJsonObject().getString("secret");
        // when
        HttpResponse<Buffer> confirmed = login("sam.supervisor", Totp.code(secret, Totp.step(Instant.now())));
        HttpResponse<Buffer> noCode = login("sam.supervisor", null);
        HttpResponse<Buffer> wrongCode = login("sam.supervisor", "000000".equals(code(secret, 1)) ? "111111" : "000000");
        HttpResponse<Buffer> next = login("sam.supervisor", code(secret, 1));
        // then
        assertThat(confirmed.statusCode()).isEqualTo(200);
        List<String> recovery = confirmed.bodyAsJsonObject().getJsonArray("recoveryCodes").getList();
        assertThat(recovery).hasSize(10).doesNotHaveDuplicates();
        assertThat(outcome(noCode)).isEqualTo("401 code_required");
        assertThat(outcome(wrongCode)).isEqualTo("401 invalid_code");
        assertThat(next.statusCode()).isEqualTo(200);
        assertThat(next.bodyAsJsonObject().getValue("recoveryCodes")).isNull();
        HttpResponse<Buffer> me = send(client.get(port, "127.0.0.1", "/api/auth/me")
                .bearerTokenAuthentication(next.bodyAsJsonObject().getString("token")), null);
        assertThat(me.bodyAsJsonObject().getString("username")).isEqualTo("sam.supervisor");
        assertThat(factorOf("sam.supervisor").getList("recovery", String.class)).hasSize(10)
                .noneMatch(recovery::contains);
        assertThat(audited).extracting(AuditEvent::action).contains("auth.totp_enrolled", "auth.second_factor_failed");
    }

    @Test
    void shouldRefuseACodeWhoseTimeStepWasAlreadyAccepted() throws Exception {
        // given
        String secret = enrol("sam.supervisor");
        String code = code(secret, 1);
        assertThat(login("sam.supervisor", code).statusCode()).isEqualTo(200);
        // when: the same code again (overheard, or a second tab), and an earlier step's
        HttpResponse<Buffer> replay = login("sam.supervisor", code);
        HttpResponse<Buffer> earlier = login("sam.supervisor", code(secret, 0));
        // then
        assertThat(outcome(replay)).isEqualTo("401 invalid_code");
        assertThat(outcome(earlier)).isEqualTo("401 invalid_code");
    }

    @Test
    void shouldAcceptEachRecoveryCodeOnlyOnce() throws Exception {
        // given
        String secret = login("mia.ministry", null).bodyAsJsonObject().getString("secret");
        List<String> recovery = login("mia.ministry", code(secret, 0)).bodyAsJsonObject()
                .getJsonArray("recoveryCodes").getList();
        // when
        HttpResponse<Buffer> first = login("mia.ministry", recovery.get(3).toUpperCase());
        HttpResponse<Buffer> again = login("mia.ministry", recovery.get(3));
        // then
        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(outcome(again)).isEqualTo("401 invalid_code");
        assertThat(factorOf("mia.ministry").getList("recovery", String.class)).hasSize(9);
    }

    @Test
    void shouldBackOffAfterFiveWrongCodes() throws Exception {
        // given
        String secret = enrol("sam.supervisor");
        String wrong = code(secret, 1).equals("123456") ? "654321" : "123456";
        // when
        List<String> outcomes = new java.util.ArrayList<>();
        for (int i = 0; i < 6; i++) {
            outcomes.add(outcome(login("sam.supervisor", wrong)));
        }
        // then
        assertThat(outcomes).startsWith("401 invalid_code").endsWith("429 too_many_attempts");
    }

    @Test
    void shouldLetAnOperatorSignInWithoutAFactorAndEnrolVoluntarily() throws Exception {
        // given
        HttpResponse<Buffer> plain = login("ana.operator", null);
        assertThat(plain.statusCode()).isEqualTo(200);
        String token = plain.bodyAsJsonObject().getString("token");
        // when
        HttpResponse<Buffer> begun = post("/api/auth/totp", token, new JsonObject());
        String secret = begun.bodyAsJsonObject().getString("secret");
        HttpResponse<Buffer> confirmed = post("/api/auth/totp/confirm", token, new JsonObject().put("code", code(secret, 0)));
        // then
        assertThat(begun.bodyAsJsonObject().getString("otpauthUri")).startsWith("otpauth://totp/");
        assertThat(confirmed.statusCode()).isEqualTo(200);
        assertThat(confirmed.bodyAsJsonObject().getJsonArray("recoveryCodes")).hasSize(10);
        assertThat(outcome(login("ana.operator", null))).isEqualTo("401 code_required");
        assertThat(login("ana.operator", code(secret, 1)).statusCode()).isEqualTo(200);
        assertThat(outcome(post("/api/auth/totp", token, new JsonObject()))).isEqualTo("409 already_enrolled");
    }

    @Test
    void shouldLetASupervisorResetAnotherPersonsFactorAuditedButNotAnOperatorNorTheirOwn() throws Exception {
        // given
        String supervisorSecret = enrol("sam.supervisor");
        String supervisor = login("sam.supervisor", code(supervisorSecret, 1)).bodyAsJsonObject().getString("token");
        enrol("aki.agency");
        String operator = login("ana.operator", null).bodyAsJsonObject().getString("token");
        // when
        HttpResponse<Buffer> byOperator = post("/api/users/aki.agency/totp/reset", operator, new JsonObject());
        HttpResponse<Buffer> own = post("/api/users/sam.supervisor/totp/reset", supervisor, new JsonObject());
        HttpResponse<Buffer> unknown = post("/api/users/nobody.here/totp/reset", supervisor, new JsonObject());
        HttpResponse<Buffer> reset = post("/api/users/aki.agency/totp/reset", supervisor, new JsonObject());
        // then
        assertThat(byOperator.statusCode()).isEqualTo(403);
        assertThat(outcome(own)).isEqualTo("409 own_account");
        assertThat(outcome(unknown)).isEqualTo("404 unknown_user");
        assertThat(reset.statusCode()).isEqualTo(200);
        assertThat(factorOf("aki.agency")).isNull();
        assertThat(login("aki.agency", null).bodyAsJsonObject().getString("status")).isEqualTo("enrolment_required");
        assertThat(audited).anySatisfy(e -> {
            assertThat(e.action()).isEqualTo("auth.totp_reset");
            assertThat(e.target()).isEqualTo("aki.agency");
        });
    }

    /** Enrols {@code username} with a code of the previous step; answers its secret. */
    private String enrol(String username) throws Exception {
        String secret = login(username, null).bodyAsJsonObject().getString("secret");
        assertThat(login(username, code(secret, -1)).statusCode()).isEqualTo(200);
        return secret;
    }

    /** The code of the current time step plus {@code offset} (the node accepts -1, 0 and +1). */
    private static String code(String secret, int offset) {
        return Totp.code(secret, Totp.step(Instant.now()) + offset);
    }

    private Document factorOf(String username) {
        String id = mongo.database().getCollection("users").find(new Document("username", username)).first()
                .getString("_id");
        return mongo.database().getCollection("second_factors").find(new Document("_id", id)).first();
    }

    private static String outcome(HttpResponse<Buffer> response) {
        return response.statusCode() + " " + response.bodyAsJsonObject().getString("code");
    }

    private HttpResponse<Buffer> login(String username, String code) throws Exception {
        JsonObject body = new JsonObject().put("username", username).put("password", PASSWORD);
        if (code != null) {
            body.put("code", code);
        }
        return send(client.post(port, "127.0.0.1", "/api/auth/login").putHeader("Content-Type", "application/json"),
                body.toBuffer());
    }

    private HttpResponse<Buffer> post(String path, String token, JsonObject body) throws Exception {
        return send(client.post(port, "127.0.0.1", path).bearerTokenAuthentication(token)
                .putHeader("Content-Type", "application/json"), body.toBuffer());
    }

    private static HttpResponse<Buffer> send(io.vertx.ext.web.client.HttpRequest<Buffer> request, Buffer body)
            throws Exception {
        var future = body == null ? request.send() : request.sendBuffer(body);
        return future.toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }
}

package org.hotline.core.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpRequest;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.bson.Document;
import org.hotline.core.audit.AuditEvent;
import org.hotline.core.audit.AuditLog;
import org.hotline.core.auth.internal.SessionAccess;
import org.hotline.core.http.ApiRoutes;
import org.hotline.core.http.Health;
import org.hotline.core.http.HttpApi;
import org.hotline.core.storage.MongoStore;
import org.hotline.core.tip.TipQueries;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Sign-in, sessions, roles, lock-out and CSRF over real HTTP against the embedded MongoDB. */
class AuthIT {

    private static final String PASSWORD = "a long enough password";

    @TempDir
    Path dir;

    private Vertx vertx;
    private MongoStore mongo;
    private WebClient client;
    private int port;
    private UserAccounts accounts;
    private final List<AuditEvent> audited = new java.util.concurrent.CopyOnWriteArrayList<>();

    @BeforeEach
    void start() throws Exception {
        vertx = Vertx.vertx();
        mongo = MongoStore.embedded(dir.resolve("mongo"), 0, "hotline", Duration.ofSeconds(3));
        AuditLog audit = audited::add;
        accounts = org.hotline.core.testsupport.Staff.accounts(mongo, audit);
        accounts.ensureIndexes();
        Sessions sessions = new Sessions(mongo, accounts, Clock.systemUTC());
        ApiRoutes supervisorOnly = (router, access) -> router.post("/api/test/supervisor")
                .handler(access.require(Role.SUPERVISOR)).handler(ctx -> ctx.response().end("ok"));
        HttpApi.Deps deps = new HttpApi.Deps(new TipQueries(new org.hotline.core.tip.internal.MongoTipRepository(mongo, org.hotline.core.crypto.TipCipher.open(java.util.Map.of(), dir))),
                () -> new Health(true, true, 0, true, 0), 4096, new SessionAccess(vertx, sessions, audit),
                List.of(new AuthRoutes(vertx, accounts, sessions, false, Clock.systemUTC()),
                        new AccountRoutes(vertx, accounts), supervisorOnly));
        port = HttpApi.start(vertx, deps, "127.0.0.1", 0).toCompletionStage().toCompletableFuture()
                .get(10, TimeUnit.SECONDS).actualPort();
        client = WebClient.create(vertx);
        accounts.create("ana.operator", PASSWORD.toCharArray(), Set.of(Role.OPERATOR), Optional.empty(), "test");
        accounts.create("sam.supervisor", PASSWORD.toCharArray(), Set.of(Role.SUPERVISOR), Optional.empty(), "test");
        accounts.create("olga.operator", PASSWORD.toCharArray(), Set.of(Role.OPERATOR), Optional.empty(), "test");
    }

    @AfterEach
    void stop() throws Exception {
        vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        mongo.close();
    }

    @Test
    void shouldSignInAndAnswerWhoIAmWithTheBearerToken() throws Exception {
        // when
        HttpResponse<Buffer> login = login("ana.operator", PASSWORD);
        // then
        assertThat(login.statusCode()).isEqualTo(200);
        String token = login.bodyAsJsonObject().getString("token");
        assertThat(login.cookies()).anySatisfy(c -> assertThat(c).contains("hotline_session=").containsIgnoringCase("HttpOnly").contains("SameSite=Strict"));
        HttpResponse<Buffer> me = send(client.get(port, "127.0.0.1", "/api/auth/me").bearerTokenAuthentication(token), null);
        assertThat(me.statusCode()).isEqualTo(200);
        assertThat(me.bodyAsJsonObject().getString("username")).isEqualTo("ana.operator");
        assertThat(me.bodyAsJsonObject().getJsonArray("roles")).containsExactly("OPERATOR");
        assertThat(me.getHeader("Cache-Control")).isEqualTo("no-store");
        assertThat(me.getHeader("Content-Security-Policy")).contains("frame-ancestors 'none'").doesNotContain("unsafe-inline");
    }

    @Test
    void shouldAnswerUnknownAndKnownUsernamesAlikeAndBackOffAfterFiveWrongPasswords() throws Exception {
        // when: six wrong passwords for an account, and six for a name nobody has
        List<String> known = new java.util.ArrayList<>();
        List<String> unknown = new java.util.ArrayList<>();
        for (int i = 0; i < 6; i++) {
            known.add(outcome(login("ana.operator", "not the password!")));
            unknown.add(outcome(login("nobody.here", "not the password!")));
        }
        // then: the same answers, and the sixth must wait (no 423 that only real accounts would get)
        assertThat(known).containsExactly("401 invalid_credentials", "401 invalid_credentials", "401 invalid_credentials",
                "401 invalid_credentials", "401 invalid_credentials", "429 too_many_attempts");
        assertThat(unknown).isEqualTo(known);
        HttpResponse<Buffer> right = login("ana.operator", PASSWORD);
        assertThat(right.statusCode()).isEqualTo(429);
        assertThat(Integer.parseInt(right.getHeader("Retry-After"))).isBetween(1, 31);
        assertThat(audited).extracting(AuditEvent::action).contains("auth.backoff");
    }

    @Test
    void shouldLetTheOwnerSignInFromElsewhereWhileAGuesserIsBackedOff() {
        // given: someone guesses ana's password from one address
        for (int i = 0; i < 6; i++) {
            accounts.signIn("ana.operator", "a wrong guess!!".toCharArray(), "203.0.113.9");
        }
        assertThat(accounts.signIn("ana.operator", PASSWORD.toCharArray(), "203.0.113.9"))
                .isInstanceOf(SignIn.Backoff.class);
        // when
        SignIn owner = accounts.signIn("ana.operator", PASSWORD.toCharArray(), "198.51.100.7");
        // then
        assertThat(owner).isInstanceOf(SignIn.Success.class);
    }

    @Test
    void shouldLiftTheBackoffWhenASupervisorUnlocksTheAccountAndAuditIt() throws Exception {
        // given
        for (int i = 0; i < 6; i++) {
            login("ana.operator", "not the password!");
        }
        assertThat(login("ana.operator", PASSWORD).statusCode()).isEqualTo(429);
        String supervisor = supervisorToken();
        String operator = login("olga.operator", PASSWORD).bodyAsJsonObject().getString("token");
        // when
        HttpResponse<Buffer> byOperator = send(client.post(port, "127.0.0.1", "/api/users/ana.operator/unlock")
                .bearerTokenAuthentication(operator), Buffer.buffer());
        HttpResponse<Buffer> unlock = send(client.post(port, "127.0.0.1", "/api/users/ana.operator/unlock")
                .bearerTokenAuthentication(supervisor), Buffer.buffer());
        // then
        assertThat(byOperator.statusCode()).isEqualTo(403);
        assertThat(unlock.statusCode()).isEqualTo(200);
        assertThat(login("ana.operator", PASSWORD).statusCode()).isEqualTo(200);
        assertThat(audited).anySatisfy(e -> {
            assertThat(e.action()).isEqualTo("auth.unlocked");
            assertThat(e.target()).isEqualTo("ana.operator");
        });
    }

    @Test
    void shouldAnswerClearErrorsForMalformedSignInRequests() throws Exception {
        HttpResponse<Buffer> notJson = send(json(client.post(port, "127.0.0.1", "/api/auth/login")), Buffer.buffer("{oops"));
        assertThat(notJson.statusCode()).isEqualTo(400);
        assertThat(notJson.bodyAsJsonObject().getString("code")).isEqualTo("invalid_json");
        HttpResponse<Buffer> missing = send(json(client.post(port, "127.0.0.1", "/api/auth/login")),
                Buffer.buffer(new JsonObject().put("username", "ana.operator").encode()));
        assertThat(missing.statusCode()).isEqualTo(400);
        assertThat(missing.bodyAsJsonObject().getString("code")).isEqualTo("invalid_request");
        HttpResponse<Buffer> huge = send(json(client.post(port, "127.0.0.1", "/api/auth/login")),
                Buffer.buffer("{\"username\":\"" + "a".repeat(10_000) + "\"}"));
        assertThat(huge.statusCode()).isEqualTo(413);
    }

    @Test
    void shouldForbidAndAuditARequestOutsideTheRoleAndAllowItForTheRightRole() throws Exception {
        String operator = login("ana.operator", PASSWORD).bodyAsJsonObject().getString("token");
        String supervisor = supervisorToken();

        HttpResponse<Buffer> denied = send(client.post(port, "127.0.0.1", "/api/test/supervisor")
                .bearerTokenAuthentication(operator), Buffer.buffer());
        assertThat(denied.statusCode()).isEqualTo(403);
        assertThat(denied.bodyAsJsonObject().getString("code")).isEqualTo("forbidden");
        org.awaitility.Awaitility.await().untilAsserted(() -> assertThat(audited)
                .anySatisfy(e -> assertThat(e.action()).isEqualTo("access.denied")));

        HttpResponse<Buffer> allowed = send(client.post(port, "127.0.0.1", "/api/test/supervisor")
                .bearerTokenAuthentication(supervisor), Buffer.buffer());
        assertThat(allowed.statusCode()).isEqualTo(200);
        assertThat(send(client.post(port, "127.0.0.1", "/api/test/supervisor"), Buffer.buffer()).statusCode()).isEqualTo(401);
    }

    @Test
    void shouldRequireTheCsrfTokenForCookieSessionsAndEndTheSessionOnSignOut() throws Exception {
        org.hotline.core.testsupport.Staff.Session login = org.hotline.core.testsupport.Staff.signIn(port, "sam.supervisor", PASSWORD);
        String token = login.token();
        String csrf = login.csrfToken();
        String cookie = "hotline_session=" + token;

        HttpResponse<Buffer> noCsrf = send(client.post(port, "127.0.0.1", "/api/test/supervisor").putHeader("Cookie", cookie), Buffer.buffer());
        assertThat(noCsrf.statusCode()).isEqualTo(403);
        HttpResponse<Buffer> withCsrf = send(client.post(port, "127.0.0.1", "/api/test/supervisor").putHeader("Cookie", cookie)
                .putHeader("X-CSRF-Token", csrf), Buffer.buffer());
        assertThat(withCsrf.statusCode()).isEqualTo(200);

        HttpResponse<Buffer> logout = send(client.post(port, "127.0.0.1", "/api/auth/logout").putHeader("Cookie", cookie)
                .putHeader("X-CSRF-Token", csrf), Buffer.buffer());
        assertThat(logout.statusCode()).isEqualTo(204);
        HttpResponse<Buffer> after = send(client.get(port, "127.0.0.1", "/api/auth/me").bearerTokenAuthentication(token), null);
        assertThat(after.statusCode()).isEqualTo(401);
        assertThat(after.bodyAsJsonObject().getString("code")).isEqualTo("session_expired");
    }

    @Test
    void shouldThrottleManySignInAttemptsFromOneAddress() throws Exception {
        int lastStatus = 0;
        for (int i = 0; i < 21; i++) {
            lastStatus = login("nobody-" + i, PASSWORD).statusCode();
        }
        assertThat(lastStatus).isEqualTo(429);
    }

    @Test
    void shouldRefuseWeakPasswordsDuplicateNamesAndAgencyUsersWithoutAnAgency() {
        assertThatThrownBy(() -> accounts.create("new.user", "short".toCharArray(), Set.of(Role.OPERATOR),
                Optional.empty(), "test")).hasMessageContaining("at least 12");
        assertThatThrownBy(() -> accounts.create("new.user", "Password2024!".toCharArray(), Set.of(Role.OPERATOR),
                Optional.empty(), "test")).isInstanceOf(AccountException.class).hasMessageContaining("common");
        assertThatThrownBy(() -> accounts.create("new.user", "aaaaaaaaaaaaaaaa".toCharArray(), Set.of(Role.OPERATOR),
                Optional.empty(), "test")).isInstanceOf(AccountException.class).hasMessageContaining("repetitive");
        assertThatThrownBy(() -> accounts.create("ana.operator", PASSWORD.toCharArray(), Set.of(Role.OPERATOR),
                Optional.empty(), "test")).isInstanceOf(AccountException.class).hasMessageContaining("already exists");
        assertThatThrownBy(() -> accounts.create("police.focal", PASSWORD.toCharArray(), Set.of(Role.AGENCY_USER),
                Optional.empty(), "test")).hasMessageContaining("need an agency");
        Document stored = mongo.database().getCollection("users").find(new Document("username", "ana.operator")).first();
        assertThat(stored.getString("passwordHash")).startsWith("pbkdf2-sha256$").doesNotContain(PASSWORD);
    }

    @Test
    void shouldRefuseSignInBodiesThatAreNotJsonSoNoCrossSiteFormCanSignSomeoneIn() throws Exception {
        // given
        String credentials = new JsonObject().put("username", "ana.operator").put("password", PASSWORD).encode();
        // when
        HttpResponse<Buffer> textPlain = send(client.post(port, "127.0.0.1", "/api/auth/login")
                .putHeader("Content-Type", "text/plain"), Buffer.buffer(credentials));
        HttpResponse<Buffer> form = send(client.post(port, "127.0.0.1", "/api/auth/login")
                .putHeader("Content-Type", "application/x-www-form-urlencoded"),
                Buffer.buffer("username=ana.operator&password=" + PASSWORD.replace(' ', '+')));
        HttpResponse<Buffer> none = send(client.post(port, "127.0.0.1", "/api/auth/login"), Buffer.buffer(credentials));
        HttpResponse<Buffer> json = send(client.post(port, "127.0.0.1", "/api/auth/login")
                .putHeader("Content-Type", "application/json; charset=utf-8"), Buffer.buffer(credentials));
        // then
        assertThat(List.of(textPlain, form, none)).allSatisfy(r -> {
            assertThat(r.statusCode()).isEqualTo(415);
            assertThat(r.bodyAsJsonObject().getString("code")).isEqualTo("unsupported_media_type");
            assertThat(r.cookies()).isEmpty();
        });
        assertThat(json.statusCode()).isEqualTo(200);
    }

    /** The supervisor signs in with a second factor (enrolled at the first sign-in). */
    private String supervisorToken() throws Exception {
        return org.hotline.core.testsupport.Staff.signIn(port, "sam.supervisor", PASSWORD).token();
    }

    private static String outcome(HttpResponse<Buffer> response) {
        return response.statusCode() + " " + response.bodyAsJsonObject().getString("code");
    }

    private static HttpRequest<Buffer> json(HttpRequest<Buffer> request) {
        return request.putHeader("Content-Type", "application/json");
    }

    private HttpResponse<Buffer> login(String username, String password) throws Exception {
        return send(json(client.post(port, "127.0.0.1", "/api/auth/login")),
                Buffer.buffer(new JsonObject().put("username", username).put("password", password).encode()));
    }

    private static HttpResponse<Buffer> send(HttpRequest<Buffer> request, Buffer body) throws Exception {
        var future = body == null ? request.send() : request.sendBuffer(body);
        return future.toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }
}

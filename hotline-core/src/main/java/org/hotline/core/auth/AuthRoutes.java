package org.hotline.core.auth;

import io.vertx.core.Vertx;
import io.vertx.core.http.Cookie;
import io.vertx.core.http.CookieSameSite;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.time.Clock;
import java.time.Duration;
import org.hotline.core.auth.internal.LoginThrottle;
import org.hotline.core.auth.internal.SessionAccess;
import org.hotline.core.http.ApiException;
import org.hotline.core.http.ApiRoutes;

/**
 * Sign-in, sign-out and "who am I". {@code POST /api/auth/login} with a JSON body (any other content type is
 * refused with 415) {@code {"username","password","code"}} answers
 * the session token (for API clients, as a bearer token) and sets it as an HttpOnly, SameSite=Strict cookie
 * (for the consoles), with the CSRF token the consoles send back in {@code X-CSRF-Token}. {@code code} is the
 * account's TOTP code or one of its recovery codes ({@link SecondFactor}). After a right password: 401
 * {@code code_required} or {@code invalid_code}; or, for an account that must enrol, 200 with
 * {@code "status":"enrolment_required"}, the secret and its {@code otpauth://} URI (shown once) and no token; the
 * next sign-in with a code of that secret confirms it and answers the recovery codes once ({@code recoveryCodes}).
 */
public final class AuthRoutes implements ApiRoutes {

    private final Vertx vertx;
    private final UserAccounts accounts;
    private final Sessions sessions;
    private final LoginThrottle throttle;
    private final boolean secureCookies;
    private final Clock clock;

    public AuthRoutes(Vertx vertx, UserAccounts accounts, Sessions sessions, boolean secureCookies, Clock clock) {
        this.vertx = vertx;
        this.accounts = accounts;
        this.sessions = sessions;
        this.secureCookies = secureCookies;
        this.clock = clock;
        this.throttle = new LoginThrottle(20, Duration.ofMinutes(1), clock);
    }

    @Override
    public void mount(Router router, Access access) {
        router.post("/api/auth/login").handler(this::validateLogin);
        router.post("/api/auth/logout").handler(access.require()).handler(this::logout);
        router.get("/api/auth/me").handler(access.require()).handler(this::me);
    }

    private void validateLogin(RoutingContext ctx) {
        if (!isJson(ctx.request().getHeader("Content-Type"))) {
            // A cross-site form can post text/plain or form bodies without a preflight (login CSRF); JSON it cannot.
            ctx.fail(new ApiException(415, "unsupported_media_type", "Sign in with a JSON body (Content-Type: application/json)."));
            return;
        }
        JsonObject body;
        try {
            body = ctx.body().asJsonObject();
        } catch (RuntimeException e) {
            ctx.fail(ApiException.badRequest("invalid_json", "The body must be a JSON object."));
            return;
        }
        if (body == null || !(body.getValue("username") instanceof String username)
                || !(body.getValue("password") instanceof String password)) {
            ctx.fail(ApiException.badRequest("invalid_request", "Give 'username' and 'password' as strings."));
            return;
        }
        Object code = body.getValue("code");
        if (code != null && !(code instanceof String text && text.length() <= 64)) {
            ctx.fail(ApiException.badRequest("invalid_request", "Give 'code' as a string of the authenticator app's"
                    + " digits or a recovery code."));
            return;
        }
        if (!throttle.tryAcquire(ctx.request().remoteAddress().hostAddress())) {
            ctx.response().putHeader("Retry-After", "60");
            ctx.fail(new ApiException(429, "too_many_attempts", "Too many sign-in attempts; wait a minute."));
            return;
        }
        doLogin(ctx, username, password.toCharArray(), (String) code, ctx.request().remoteAddress().hostAddress());
    }

    private void doLogin(RoutingContext ctx, String username, char[] password, String code, String source) {
        vertx.executeBlocking(() -> {
            SignIn result = accounts.signIn(username, password, code, source);
            return result instanceof SignIn.Success s ? new Outcome(result, sessions.start(s.principal())) : new Outcome(result, null);
        }).onComplete(ar -> {
            if (ar.failed()) {
                ctx.fail(new ApiException(503, "storage_unavailable", "Sign-in is unavailable right now."));
                return;
            }
            completeLogin(ctx, ar.result());
        });
    }

    private void completeLogin(RoutingContext ctx, Outcome outcome) {
        switch (outcome.result()) {
            case SignIn.Success s -> {
                Sessions.Started started = outcome.session();
                ctx.response().addCookie(Cookie.cookie(SessionAccess.COOKIE, started.token()).setHttpOnly(true)
                        .setSecure(secureCookies).setSameSite(CookieSameSite.STRICT).setPath("/")
                        .setMaxAge(Sessions.MAX_AGE.toSeconds()));
                ctx.response().putHeader("Content-Type", "application/json").end(user(s.principal())
                        .put("token", started.token()).put("csrfToken", started.csrfToken())
                        .put("expiresAt", started.expiresAt().toString())
                        .put("recoveryCodes", s.recoveryCodes().isEmpty() ? null : new JsonArray(s.recoveryCodes()))
                        .encode());
            }
            case SignIn.Backoff backoff -> {
                long seconds = Math.max(1, Duration.between(clock.instant(), backoff.until()).toSeconds() + 1);
                ctx.response().putHeader("Retry-After", String.valueOf(seconds));
                ctx.fail(new ApiException(429, "too_many_attempts",
                        "Too many wrong passwords; try again in " + seconds + " seconds, or ask a supervisor."));
            }
            case SignIn.Refused refused -> ctx.fail(new ApiException(401, "invalid_credentials",
                    "Wrong username or password."));
            case SignIn.CodeRequired required -> ctx.fail(new ApiException(401, "code_required",
                    "Enter the code from your authenticator app, or one of your recovery codes."));
            case SignIn.WrongCode wrong -> ctx.fail(new ApiException(401, "invalid_code",
                    "Wrong or already used code."));
            case SignIn.EnrolmentRequired enrol -> ctx.response().putHeader("Content-Type", "application/json")
                    .end(new JsonObject().put("status", "enrolment_required")
                            .put("message", "Add this secret to an authenticator app, then sign in with its code."
                                    + " It is shown only this once.")
                            .put("secret", enrol.enrolment().secret())
                            .put("otpauthUri", enrol.enrolment().otpauthUri()).encode());
        }
    }

    private void logout(RoutingContext ctx) {
        String token = ctx.get(SessionAccess.TOKEN);
        String sessionId = ctx.get(SessionAccess.SESSION_ID);
        vertx.executeBlocking(() -> {
            sessions.end(token);
            return null;
        }).onComplete(ar -> {
            // streams opened with this session (live events) close at once on this node
            vertx.eventBus().publish(SessionAccess.SESSION_ENDED, sessionId);
            ctx.response().addCookie(Cookie.cookie(SessionAccess.COOKIE, "").setPath("/").setMaxAge(0)
                    .setHttpOnly(true).setSecure(secureCookies).setSameSite(CookieSameSite.STRICT));
            ctx.response().setStatusCode(204).end();
        });
    }

    private void me(RoutingContext ctx) {
        Principal principal = Access.principal(ctx);
        String token = ctx.get(SessionAccess.TOKEN);
        vertx.executeBlocking(() -> sessions.find(token)).onComplete(ar -> {
            JsonObject body = user(principal);
            if (ar.succeeded() && ar.result().isPresent()) {
                body.put("csrfToken", ar.result().get().csrfToken());
            }
            ctx.response().putHeader("Content-Type", "application/json").end(body.encode());
        });
    }

    static boolean isJson(String contentType) {
        if (contentType == null) {
            return false;
        }
        int semicolon = contentType.indexOf(';');
        String type = (semicolon < 0 ? contentType : contentType.substring(0, semicolon)).trim();
        return type.equalsIgnoreCase("application/json");
    }

    private static JsonObject user(Principal p) {
        return new JsonObject().put("userId", p.userId()).put("username", p.username())
                .put("roles", new JsonArray(p.roles().stream().map(Role::name).sorted().toList()))
                .put("agencyId", p.agencyId().orElse(null));
    }

    private record Outcome(SignIn result, Sessions.Started session) {}
}

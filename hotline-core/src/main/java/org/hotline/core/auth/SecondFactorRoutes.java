package org.hotline.core.auth;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import org.hotline.core.http.ApiException;
import org.hotline.core.http.ApiRoutes;

/**
 * Second-factor care. Any signed-in person may enrol: {@code POST /api/auth/totp} answers a fresh secret and its
 * {@code otpauth://} URI (shown once; refused with 409 once a factor is confirmed) and
 * {@code POST /api/auth/totp/confirm {"code"}} confirms it and answers the recovery codes once. Supervisors and
 * ministry administrators reset another person's factor ({@code POST /api/users/:username/totp/reset}, after
 * checking with its owner), audited as {@code auth.totp_reset}; never their own.
 */
public final class SecondFactorRoutes implements ApiRoutes {

    private final Vertx vertx;
    private final UserAccounts accounts;

    public SecondFactorRoutes(Vertx vertx, UserAccounts accounts) {
        this.vertx = vertx;
        this.accounts = accounts;
    }

    @Override
    public void mount(Router router, Access access) {
        router.post("/api/auth/totp").handler(access.require()).handler(this::begin);
        router.post("/api/auth/totp/confirm").handler(access.require()).handler(this::validateConfirm);
        router.post("/api/users/:username/totp/reset").handler(access.require(Role.SUPERVISOR, Role.MINISTRY_ADMIN))
                .handler(this::validateReset);
    }

    private void begin(RoutingContext ctx) {
        Principal principal = Access.principal(ctx);
        run(ctx, () -> accounts.beginEnrolment(principal), enrolment -> json(ctx, new JsonObject()
                .put("secret", enrolment.secret()).put("otpauthUri", enrolment.otpauthUri())));
    }

    private void validateConfirm(RoutingContext ctx) {
        JsonObject body;
        try {
            body = ctx.body().asJsonObject();
        } catch (RuntimeException e) {
            ctx.fail(ApiException.badRequest("invalid_json", "The body must be a JSON object."));
            return;
        }
        if (body == null || !(body.getValue("code") instanceof String code) || code.length() > 64) {
            ctx.fail(ApiException.badRequest("invalid_request", "Give 'code', the authenticator app's digits."));
            return;
        }
        Principal principal = Access.principal(ctx);
        run(ctx, () -> accounts.confirmEnrolment(principal, code), codes -> {
            if (codes.isEmpty()) {
                ctx.fail(ApiException.badRequest("invalid_code", "Wrong code, or no enrolment was started."));
                return;
            }
            json(ctx, new JsonObject().put("recoveryCodes", new JsonArray(codes.get())));
        });
    }

    private void validateReset(RoutingContext ctx) {
        String username = ctx.pathParam("username");
        if (username == null || username.length() > 64) {
            ctx.fail(ApiException.badRequest("invalid_username", "A username is 3-64 characters."));
            return;
        }
        Principal actor = Access.principal(ctx);
        if (actor.username().equals(username)) {
            ctx.fail(new ApiException(409, "own_account", "Ask another supervisor or administrator to reset your own"
                    + " second factor."));
            return;
        }
        run(ctx, () -> accounts.resetSecondFactor(username, actor.userId()), found -> {
            if (!found) {
                ctx.fail(new ApiException(404, "unknown_user", "There is no account named '" + username + "'."));
                return;
            }
            json(ctx, new JsonObject().put("username", username).put("reset", true));
        });
    }

    private <T> void run(RoutingContext ctx, Callable<T> work, Consumer<T> done) {
        vertx.executeBlocking(work).onComplete(ar -> {
            if (ar.succeeded()) {
                done.accept(ar.result());
            } else if (ar.cause() instanceof AccountException e) {
                ctx.fail(new ApiException(409, e.code(), e.getMessage()));
            } else {
                ctx.fail(new ApiException(503, "storage_unavailable", "The second factor cannot be changed right now."));
            }
        });
    }

    private static void json(RoutingContext ctx, JsonObject body) {
        ctx.response().putHeader("Content-Type", "application/json").end(body.encode());
    }
}

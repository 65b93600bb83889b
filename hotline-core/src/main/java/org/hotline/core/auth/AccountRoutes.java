package org.hotline.core.auth;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import org.hotline.core.http.ApiException;
import org.hotline.core.http.ApiRoutes;

/**
 * Account care by supervisors and ministry administrators:
 * {@code POST /api/users/:username/unlock} lifts the sign-in back-off of a username (after checking with its
 * owner), audited as {@code auth.unlocked}. The answer is the same whether or not the username exists.
 */
public final class AccountRoutes implements ApiRoutes {

    private final Vertx vertx;
    private final UserAccounts accounts;

    public AccountRoutes(Vertx vertx, UserAccounts accounts) {
        this.vertx = vertx;
        this.accounts = accounts;
    }

    @Override
    public void mount(Router router, Access access) {
        router.post("/api/users/:username/unlock").handler(access.require(Role.SUPERVISOR, Role.MINISTRY_ADMIN))
                .handler(this::unlock);
    }

    private void unlock(RoutingContext ctx) {
        String username = ctx.pathParam("username");
        if (username == null || username.length() > 64) {
            ctx.fail(ApiException.badRequest("invalid_username", "A username is 3-64 characters."));
            return;
        }
        String actor = Access.principal(ctx).userId();
        vertx.executeBlocking(() -> {
            accounts.unlock(username, actor);
            return null;
        }).onComplete(ar -> {
            if (ar.failed()) {
                ctx.fail(new ApiException(503, "storage_unavailable", "The account cannot be unlocked right now."));
                return;
            }
            ctx.response().putHeader("Content-Type", "application/json")
                    .end(new JsonObject().put("username", username).put("unlocked", true).encode());
        });
    }
}

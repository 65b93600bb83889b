package org.hotline.core.telephony;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import org.hotline.core.auth.Access;
import org.hotline.core.auth.Role;
import org.hotline.core.http.ApiRoutes;
import org.hotline.core.live.OperatorDirectory;

/**
 * Wrap-up time (OPERATOR): {@code GET /api/operators/me/wrapup} ({@code {inWrapUp, until?}}) and
 * {@code POST /api/operators/me/wrapup/ready} (available again before the time is up).
 */
public final class WrapUpRoutes implements ApiRoutes {

    private final Vertx vertx;
    private final WrapUp wrapUp;
    private final OperatorDirectory phones;

    public WrapUpRoutes(Vertx vertx, WrapUp wrapUp, OperatorDirectory phones) {
        this.vertx = vertx;
        this.wrapUp = wrapUp;
        this.phones = phones;
    }

    @Override
    public void mount(Router router, Access access) {
        router.get("/api/operators/me/wrapup").handler(access.require(Role.OPERATOR)).handler(ctx ->
                vertx.executeBlocking(() -> state(phone(ctx))).onSuccess(json -> json(ctx, json))
                        .onFailure(e -> ctx.fail(TelephonyRoutes.toApi(e))));
        router.post("/api/operators/me/wrapup/ready").handler(access.require(Role.OPERATOR)).handler(ctx ->
                vertx.executeBlocking(() -> {
                    wrapUp.ready(Access.principal(ctx).userId(), phone(ctx));
                    return new JsonObject().put("inWrapUp", false);
                }).onSuccess(json -> json(ctx, json)).onFailure(e -> ctx.fail(TelephonyRoutes.toApi(e))));
    }

    private JsonObject state(String phone) {
        JsonObject json = new JsonObject().put("inWrapUp", false);
        wrapUp.until(phone).ifPresent(until -> json.put("inWrapUp", true).put("until", until.toString()));
        return json;
    }

    private String phone(RoutingContext ctx) throws TelephonyRefused {
        return TelephonyHttp.phone(phones, ctx);
    }

    private static void json(RoutingContext ctx, JsonObject body) {
        TelephonyHttp.json(ctx, body);
    }
}

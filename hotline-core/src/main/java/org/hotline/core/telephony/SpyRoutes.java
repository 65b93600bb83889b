package org.hotline.core.telephony;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.Locale;
import org.hotline.core.auth.Access;
import org.hotline.core.auth.Role;
import org.hotline.core.http.ApiException;
import org.hotline.core.http.ApiRoutes;
import org.hotline.core.live.OperatorDirectory;

/**
 * Supervisors listening in (SUPERVISOR only; the supervisor's phone is the one assigned to their account):
 * <ul>
 *   <li>{@code POST /api/supervisors/me/spy} {@code {"agent": "PJSIP/op-ana", "mode": "listen"|"whisper"|"barge"}}:
 *       rings my phone into the operator's call; {@code {listening: true}} once answered;</li>
 *   <li>{@code DELETE /api/supervisors/me/spy}: ends my listening call.</li>
 * </ul>
 */
public final class SpyRoutes implements ApiRoutes {

    private final Vertx vertx;
    private final SupervisorSpy spy;
    private final OperatorDirectory phones;

    public SpyRoutes(Vertx vertx, SupervisorSpy spy, OperatorDirectory phones) {
        this.vertx = vertx;
        this.spy = spy;
        this.phones = phones;
    }

    @Override
    public void mount(Router router, Access access) {
        router.post("/api/supervisors/me/spy").handler(access.require(Role.SUPERVISOR)).handler(this::validateStart);
        router.delete("/api/supervisors/me/spy").handler(access.require(Role.SUPERVISOR)).handler(ctx ->
                vertx.executeBlocking(() -> {
                    spy.stop(Access.principal(ctx).userId(), phone(ctx));
                    return true;
                }).onSuccess(ok -> json(ctx, new JsonObject().put("listening", false)))
                        .onFailure(e -> ctx.fail(TelephonyRoutes.toApi(e))));
    }

    private void validateStart(RoutingContext ctx) {
        JsonObject body = TelephonyHttp.body(ctx);
        Object agent = body == null ? null : body.getValue("agent");
        Object mode = body == null ? null : body.getValue("mode");
        if (!(agent instanceof String iface) || !OperatorDirectory.isValidInterface(iface)
                || !(mode instanceof String m) || !m.matches("listen|whisper|barge")) {
            ctx.fail(ApiException.badRequest("invalid_spy",
                    "The body must be {\"agent\": \"PJSIP/op-ana\", \"mode\": \"listen\", \"whisper\" or \"barge\"}."));
            return;
        }
        SupervisorSpy.Mode chosen = SupervisorSpy.Mode.valueOf(m.toUpperCase(Locale.ROOT));
        vertx.executeBlocking(() -> spy.start(Access.principal(ctx).userId(), phone(ctx), iface, chosen))
                .compose(Future::fromCompletionStage)
                .onSuccess(answered -> json(ctx, new JsonObject().put("listening", answered).put("mode", m)
                        .put("message", answered ? "Your phone is connected to the call." : "Your phone did not answer.")))
                .onFailure(e -> ctx.fail(TelephonyRoutes.toApi(e)));
    }

    private String phone(RoutingContext ctx) throws TelephonyRefused {
        return TelephonyHttp.phone(phones, ctx);
    }

    private static void json(RoutingContext ctx, JsonObject body) {
        TelephonyHttp.json(ctx, body);
    }
}

package org.hotline.core.privacy;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import org.hotline.core.auth.Access;
import org.hotline.core.auth.Role;
import org.hotline.core.http.ApiException;
import org.hotline.core.http.ApiRoutes;

/**
 * The two privacy decisions people make on a tip, each with a reason that goes to the audit log:
 * {@code POST /api/tips/{reference}/legal-hold} {@code {"hold": true, "reason": "…"}} (supervisors, ministry
 * administrators) keeps a tip out of the retention purge; {@code POST /api/tips/{reference}/child-callback}
 * {@code {"reason": "…"}} (operators, supervisors) lets a callback to a child's tip go ahead, which is off by
 * default.
 */
public final class PrivacyRoutes implements ApiRoutes {

    private final Vertx vertx;
    private final TipPrivacy privacy;

    public PrivacyRoutes(Vertx vertx, TipPrivacy privacy) {
        this.vertx = vertx;
        this.privacy = privacy;
    }

    @Override
    public void mount(Router router, Access access) {
        router.post("/api/tips/:reference/legal-hold").handler(access.require(Role.SUPERVISOR, Role.MINISTRY_ADMIN))
                .handler(this::legalHold);
        router.post("/api/tips/:reference/child-callback").handler(access.require(Role.OPERATOR, Role.SUPERVISOR))
                .handler(this::childCallback);
    }

    private void legalHold(RoutingContext ctx) {
        JsonObject body = json(ctx);
        if (body == null) {
            return;
        }
        if (!(body.getValue("hold") instanceof Boolean hold)) {
            ctx.fail(ApiException.badRequest("invalid_request", "Give 'hold' as true or false, and a 'reason'."));
            return;
        }
        String actor = Access.principal(ctx).userId();
        decide(ctx, () -> privacy.setLegalHold(ctx.pathParam("reference"), hold, actor, body.getString("reason")));
    }

    private void childCallback(RoutingContext ctx) {
        JsonObject body = json(ctx);
        if (body == null) {
            return;
        }
        String actor = Access.principal(ctx).userId();
        decide(ctx, () -> privacy.allowChildCallback(ctx.pathParam("reference"), actor, body.getString("reason")));
    }

    private void decide(RoutingContext ctx, Callable<PrivacyDecision> decision) {
        vertx.executeBlocking(decision).onComplete(ar -> {
            if (ar.failed()) {
                ctx.fail(new ApiException(503, "storage_unavailable", "The decision cannot be stored right now."));
                return;
            }
            switch (ar.result()) {
                case PrivacyDecision.Applied applied -> ctx.response().putHeader("Content-Type", "application/json")
                        .end(new JsonObject().put("reference", applied.reference()).put("applied", true).encode());
                case PrivacyDecision.NotFound notFound -> ctx.fail(ApiException.notFound("No tip has that reference."));
                case PrivacyDecision.Refused refused -> {
                    Map<String, String> fields = new LinkedHashMap<>();
                    for (int i = 0; i < refused.problems().size(); i++) {
                        fields.put("problem" + (i + 1), refused.problems().get(i));
                    }
                    ctx.fail(new ApiException(422, "decision_refused", String.join("; ", refused.problems()), fields));
                }
            }
        });
    }

    private static JsonObject json(RoutingContext ctx) {
        try {
            JsonObject body = ctx.body().asJsonObject();
            if (body == null) {
                ctx.fail(ApiException.badRequest("invalid_json", "The body must be a JSON object."));
            }
            return body;
        } catch (RuntimeException e) {
            ctx.fail(ApiException.badRequest("invalid_json", "The body must be a JSON object."));
            return null;
        }
    }
}

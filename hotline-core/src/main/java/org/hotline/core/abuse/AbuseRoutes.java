package org.hotline.core.abuse;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.time.Duration;
import org.hotline.core.auth.Access;
import org.hotline.core.auth.Role;
import org.hotline.core.http.ApiException;
import org.hotline.core.http.ApiRoutes;

/**
 * Abuse flags (SUPERVISOR): {@code POST /api/supervisor/abuse-flags} {@code {"reference": "...", "days": 1-90}} flags
 * the number that called in that report; {@code DELETE /api/supervisor/abuse-flags/{reference}} lifts it.
 */
public final class AbuseRoutes implements ApiRoutes {

    private final Vertx vertx;
    private final AbuseFlags flags;

    public AbuseRoutes(Vertx vertx, AbuseFlags flags) {
        this.vertx = vertx;
        this.flags = flags;
    }

    @Override
    public void mount(Router router, Access access) {
        router.post("/api/supervisor/abuse-flags").handler(access.require(Role.SUPERVISOR)).handler(this::validateFlag);
        router.delete("/api/supervisor/abuse-flags/:reference").handler(access.require(Role.SUPERVISOR)).handler(ctx ->
                vertx.executeBlocking(() -> flags.unflag(Access.principal(ctx).userId(), ctx.pathParam("reference")))
                        .onSuccess(removed -> {
                            if (removed) {
                                json(ctx, 200, new JsonObject().put("flagged", false));
                            } else {
                                ctx.fail(ApiException.notFound("That report's caller is not flagged."));
                            }
                        }).onFailure(e -> ctx.fail(unavailable())));
    }

    private void validateFlag(RoutingContext ctx) {
        JsonObject body;
        try {
            body = ctx.body() == null ? null : ctx.body().asJsonObject();
        } catch (RuntimeException e) {
            body = null;
        }
        Object reference = body == null ? null : body.getValue("reference");
        Object days = body == null ? null : body.getValue("days");
        if (!(reference instanceof String r) || !r.matches("[0-9A-Za-z-]{4,40}") || !(days instanceof Integer d)
                || d < 1 || d > AbuseFlags.MAX.toDays()) {
            ctx.fail(ApiException.badRequest("invalid_flag", "The body must be {\"reference\": \"<report>\", \"days\": 1 to "
                    + AbuseFlags.MAX.toDays() + "}."));
            return;
        }
        String actor = Access.principal(ctx).userId();
        vertx.executeBlocking(() -> flags.flag(actor, r, Duration.ofDays(d))).onSuccess(flag -> {
            if (flag.isPresent()) {
                json(ctx, 201, new JsonObject().put("flagged", true).put("until", flag.get().until().toString()));
            } else {
                ctx.fail(new ApiException(404, "no_caller_number",
                        "No report with that reference, or it came without a calling number."));
            }
        }).onFailure(e -> ctx.fail(unavailable()));
    }

    private static ApiException unavailable() {
        return new ApiException(503, "storage_unavailable", "Flags cannot be changed now.");
    }

    private static void json(RoutingContext ctx, int status, JsonObject body) {
        ctx.response().setStatusCode(status).putHeader("Content-Type", "application/json").end(body.encode());
    }
}

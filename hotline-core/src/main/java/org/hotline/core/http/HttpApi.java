package org.hotline.core.http;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.hotline.core.intake.ReferenceCodec;
import org.hotline.core.auth.Access;
import org.hotline.core.auth.Role;
import org.hotline.core.tip.Tip;
import org.hotline.core.tip.TipQueries;

/**
 * The HTTP API: health and the tip status look-up (operators and supervisors only), plus every feature's
 * {@link ApiRoutes} (the Prometheus scrape among them, {@code metrics/MetricsRoutes}).
 * Blocking work (the MongoDB driver) runs on worker threads, never on the event loop.
 */
public final class HttpApi {

    /** Fields the tip status look-up shows: categories and flags, nothing that identifies anyone. */
    private static final List<String> PUBLIC_FIELDS =
            List.of("exploitationType", "region", "childInvolved", "immediateDanger", "language");

    private HttpApi() {}

    /**
     * What the API needs from the rest of the service.
     *
     * @param tips the staff's tip look-up; null where the node serves no staff API ({@code /api/tips/...} then 404)
     */
    public record Deps(TipQueries tips, Supplier<Health> health, long maxBodyBytes,
            Access access, List<ApiRoutes> features) {

        public Deps {
            features = List.copyOf(features);
        }
    }

    /** Builds the router; tests use it as-is. */
    public static Router router(Vertx vertx, Deps deps) {
        Router router = Router.router(vertx);
        router.route().handler(HttpApi::securityHeaders);
        router.route().handler(BodyHandler.create().setBodyLimit(deps.maxBodyBytes()));
        router.get("/health").handler(ctx -> health(vertx, deps, ctx));
        if (deps.tips() != null) { // null on a node without the staff API (HOTLINE_ROLES without web)
            router.get("/api/tips/:reference").handler(deps.access().require(Role.OPERATOR, Role.SUPERVISOR))
                    .handler(ctx -> tipStatus(vertx, deps, ctx));
        }
        deps.features().forEach(feature -> feature.mount(router, deps.access()));
        router.route().last().handler(ctx -> ctx.fail(404));
        router.route().failureHandler(ApiErrors::handle);
        return router;
    }

    /**
     * Headers on every response: scripts and styles only from this origin (no inline script, so an injected
     * tag cannot run), no framing (click-jacking), no content sniffing, no referrer leaking tip URLs, and no
     * caching of API answers that may hold personal data.
     */
    private static void securityHeaders(RoutingContext ctx) {
        ctx.response()
                .putHeader("Content-Security-Policy", "default-src 'self'; script-src 'self'; style-src 'self'; "
                        + "img-src 'self' data:; connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'")
                .putHeader("X-Frame-Options", "DENY")
                .putHeader("X-Content-Type-Options", "nosniff")
                .putHeader("Referrer-Policy", "no-referrer");
        if (ctx.request().path().startsWith("/api/")) {
            ctx.response().putHeader("Cache-Control", "no-store");
        }
        ctx.next();
    }

    /**
     * The routes of {@code router} that have a path, as {@code METHOD /path} ({@code GET /console/*} for a
     * prefix route), in mount order; the role matrix test checks each is documented.
     */
    public static List<String> routes(Router router) {
        List<String> out = new java.util.ArrayList<>();
        for (io.vertx.ext.web.Route route : router.getRoutes()) {
            String path = route.getPath();
            if (path == null || route.methods() == null || route.methods().isEmpty()) {
                continue;
            }
            String shown = route.isExactPath() ? path : path + "*";
            route.methods().forEach(m -> {
                if (!out.contains(m.name() + " " + shown)) {
                    out.add(m.name() + " " + shown);
                }
            });
        }
        return out;
    }

    /** Starts an HTTP server with {@link #router} on host and port (0 = any free port). */
    public static Future<HttpServer> start(Vertx vertx, Deps deps, String host, int port) {
        return vertx.createHttpServer().requestHandler(router(vertx, deps)).listen(port, host);
    }

    private static void health(Vertx vertx, Deps deps, RoutingContext ctx) {
        vertx.executeBlocking(() -> deps.health().get()).onComplete(ar -> {
            if (ar.failed()) {
                ctx.fail(ar.cause());
                return;
            }
            Health h = ar.result();
            ctx.response().setStatusCode(h.status() == Health.Status.DOWN ? 503 : 200)
                    .putHeader("Content-Type", "application/json").end(h.toJson().encode());
        });
    }

    private static void tipStatus(Vertx vertx, Deps deps, RoutingContext ctx) {
        String reference = ctx.pathParam("reference");
        if (!ReferenceCodec.isWellFormed(reference)) {
            ctx.fail(ApiException.badRequest("invalid_reference",
                    "A reference is 9 digits with a valid check digit."));
            return;
        }
        String reader = Access.principal(ctx).userId();
        vertx.executeBlocking(() -> deps.tips().readBy(reader, reference)
                .map(tip -> view(tip, deps.tips().referralStates(tip.id())))).onComplete(ar -> {
            if (ar.failed()) {
                ctx.fail(new ApiException(503, "storage_unavailable", "Tips cannot be read right now; try again shortly."));
            } else if (ar.result().isEmpty()) {
                ctx.fail(ApiException.notFound("No tip has that reference."));
            } else {
                ctx.response().putHeader("Content-Type", "application/json").end(ar.result().get().encode());
            }
        });
    }

    static JsonObject view(Tip tip, Map<String, TipQueries.ReferralState> states) {
        JsonObject shown = new JsonObject();
        PUBLIC_FIELDS.forEach(name -> {
            if (tip.fields().get(name) != null) {
                shown.put(name, tip.fields().get(name));
            }
        });
        JsonObject referrals = new JsonObject();
        states.forEach((agency, state) -> referrals.put(agency, new JsonObject()
                .put("state", state.state()).put("deliveredAt", state.deliveredAt() == null ? null
                        : state.deliveredAt().toString())));
        JsonArray recipients = new JsonArray();
        tip.recipients().forEach(r -> recipients.add(new JsonObject(Map.of("agencyId", r.agencyId(),
                "priority", r.priority()))));
        return new JsonObject()
                .put("reference", tip.reference())
                .put("receivedAt", tip.receivedAt() == null ? null : tip.receivedAt().toString())
                .put("status", tip.status().name())
                .put("outcome", tip.outcome())
                .put("pathwayVersion", tip.pathwayVersion())
                .put("fields", shown)
                .put("recipients", recipients)
                .put("referrals", referrals);
    }
}

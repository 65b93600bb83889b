package org.hotline.core.related;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import org.hotline.core.auth.Access;
import org.hotline.core.auth.Role;
import org.hotline.core.http.ApiException;
import org.hotline.core.http.ApiRoutes;

/**
 * Related reports (SUPERVISOR): {@code GET /api/supervisor/related/{reference}} lists the suggested and linked
 * reports, each with the attributes that matched (never their values); {@code PUT} and {@code DELETE} on
 * {@code /api/supervisor/related/{reference}/links/{other}} link and unlink two reports, both idempotent.
 */
public final class RelatedRoutes implements ApiRoutes {

    private static final String REFERENCE = "[0-9A-Za-z-]{4,40}";

    private final Vertx vertx;
    private final RelatedReports related;

    public RelatedRoutes(Vertx vertx, RelatedReports related) {
        this.vertx = vertx;
        this.related = related;
    }

    @Override
    public void mount(Router router, Access access) {
        router.get("/api/supervisor/related/:reference").handler(access.require(Role.SUPERVISOR)).handler(this::list);
        router.put("/api/supervisor/related/:reference/links/:other").handler(access.require(Role.SUPERVISOR))
                .handler(ctx -> pair(ctx, (actor, a, b) -> related.link(actor, a, b).map(added -> answer(true, added))
                        .orElseThrow(() -> ApiException.notFound("No report with one of those references."))));
        router.delete("/api/supervisor/related/:reference/links/:other").handler(access.require(Role.SUPERVISOR))
                .handler(ctx -> pair(ctx, (actor, a, b) -> answer(false, related.unlink(actor, a, b))));
    }

    private void list(RoutingContext ctx) {
        String reference = ctx.pathParam("reference");
        if (!reference.matches(REFERENCE)) {
            ctx.fail(ApiException.badRequest("invalid_reference", "That is not a report reference."));
            return;
        }
        String actor = Access.principal(ctx).userId();
        blocking(ctx, () -> related.of(actor, reference).map(found -> {
            JsonArray out = new JsonArray();
            found.forEach(r -> out.add(new JsonObject().put("reference", r.reference())
                    .put("receivedAt", r.receivedAt() == null ? null : r.receivedAt().toString())
                    .put("matched", new JsonArray(r.matched())).put("linked", r.linked())));
            return new JsonObject().put("reference", reference).put("related", out);
        }).orElseThrow(() -> ApiException.notFound("No report with that reference.")));
    }

    /** The change a link request makes. */
    private interface Change {
        JsonObject apply(String actor, String reference, String other);
    }

    private void pair(RoutingContext ctx, Change change) {
        String reference = ctx.pathParam("reference");
        String other = ctx.pathParam("other");
        if (!reference.matches(REFERENCE) || !other.matches(REFERENCE) || reference.equals(other)) {
            ctx.fail(ApiException.badRequest("invalid_link", "A link needs two different report references."));
            return;
        }
        String actor = Access.principal(ctx).userId();
        blocking(ctx, () -> change.apply(actor, reference, other));
    }

    private static JsonObject answer(boolean linked, boolean changed) {
        return new JsonObject().put("linked", linked).put("changed", changed);
    }

    private void blocking(RoutingContext ctx, java.util.concurrent.Callable<JsonObject> work) {
        vertx.executeBlocking(work).onSuccess(body -> ctx.response().setStatusCode(200)
                .putHeader("Content-Type", "application/json").end(body.encode())).onFailure(e -> ctx.fail(
                        e instanceof ApiException api ? api : new ApiException(503, "storage_unavailable",
                                "Related reports cannot be read or changed now.")));
    }
}

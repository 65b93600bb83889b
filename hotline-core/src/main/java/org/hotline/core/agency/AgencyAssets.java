package org.hotline.core.agency;

import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.StaticHandler;
import org.hotline.core.auth.Access;
import org.hotline.core.http.ApiRoutes;

/**
 * The agency pages under {@code /agency/}: the portal ({@code index.html}, also answering
 * {@code /agency/referrals/<id>}, the address notices link to), the answer-link confirmation
 * ({@code /agency/answer}) and the directory ({@code /agency/directory}). Pages hold no data (it all comes
 * from the API after sign-in) and no inline code. {@code /portal/...}, the notices' default base address,
 * redirects here.
 */
public final class AgencyAssets implements ApiRoutes {

    private static final String ROOT = "web/agency";

    @Override
    public void mount(Router router, Access access) {
        router.get("/portal/*").handler(AgencyAssets::fromPortal);
        router.get("/agency").handler(AgencyAssets::toIndex);
        router.get("/agency/referrals/:id").handler(ctx -> ctx.reroute("/agency/index.html"));
        router.get("/agency/answer").handler(ctx -> ctx.reroute("/agency/answer.html"));
        router.get("/agency/directory").handler(ctx -> ctx.reroute("/agency/directory.html"));
        router.get("/agency/*").handler(StaticHandler.create(ROOT).setCachingEnabled(false).setIndexPage("index.html"));
    }

    /** Vert.x lets {@code /agency} match {@code /agency/} too; only the bare path is redirected. */
    private static void toIndex(RoutingContext ctx) {
        if ("/agency".equals(ctx.request().path())) {
            ctx.redirect("/agency/");
        } else {
            ctx.next();
        }
    }

    /** {@code /portal/x?y} to {@code /agency/x?y}: old notices and the default portal address keep working. */
    private static void fromPortal(RoutingContext ctx) {
        String uri = ctx.request().uri();
        ctx.response().setStatusCode(302).putHeader("Location", "/agency" + uri.substring("/portal".length())).end();
    }
}

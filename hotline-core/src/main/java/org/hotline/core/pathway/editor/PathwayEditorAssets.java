package org.hotline.core.pathway.editor;

import io.vertx.ext.web.Router;
import io.vertx.ext.web.handler.StaticHandler;
import org.hotline.core.auth.Access;
import org.hotline.core.http.ApiRoutes;

/**
 * The pathway editor's static page under {@code /pathway/} (ministry administrators draft, check, simulate,
 * compare, approve, activate and roll back pathway versions through {@code /api/pathways}). The page holds
 * no data and no inline code; everything comes from the API after sign-in, which enforces the roles. Its
 * simulation box is prefilled from {@code sample-tips.yaml}, copied at build time from the shipped examples.
 */
public final class PathwayEditorAssets implements ApiRoutes {

    private static final String ROOT = "web/pathway";

    @Override
    public void mount(Router router, Access access) {
        // the router treats "/pathway" and "/pathway/" alike: redirect only the bare name, or it loops
        router.get("/pathway").handler(ctx -> {
            if ("/pathway".equals(ctx.request().path())) {
                ctx.redirect("/pathway/");
            } else {
                ctx.next();
            }
        });
        router.get("/pathway/*").handler(StaticHandler.create(ROOT).setCachingEnabled(false).setIndexPage("index.html"));
    }
}

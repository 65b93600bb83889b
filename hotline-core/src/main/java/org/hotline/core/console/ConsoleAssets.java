package org.hotline.core.console;

import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.handler.StaticHandler;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import org.hotline.core.auth.Access;
import org.hotline.core.http.ApiRoutes;

/**
 * The consoles' static pages ({@code /console/}: operator at {@code index.html}, supervisor at
 * {@code supervisor.html}) and the API description at {@code GET /api/openapi.yaml}. Pages are public (they
 * hold no data; everything comes from the API after sign-in); no inline script or style, so the strict CSP
 * holds.
 */
public final class ConsoleAssets implements ApiRoutes {

    /** Classpath location of the OpenAPI document. */
    public static final String OPENAPI = "openapi.yaml";

    private final Buffer openapi;

    public ConsoleAssets() {
        try (InputStream in = ConsoleAssets.class.getClassLoader().getResourceAsStream(OPENAPI)) {
            if (in == null) {
                throw new IllegalStateException(OPENAPI + " is missing from the classpath");
            }
            this.openapi = Buffer.buffer(in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + OPENAPI, e);
        }
    }

    @Override
    public void mount(Router router, Access access) {
        router.get("/api/openapi.yaml").handler(ctx -> ctx.response()
                .putHeader("Content-Type", "application/yaml; charset=utf-8").end(openapi));
        // the router treats "/console" and "/console/" alike: redirect only the bare name, or it loops
        router.get("/console").handler(ctx -> {
            if ("/console".equals(ctx.request().path())) {
                ctx.redirect("/console/");
            } else {
                ctx.next();
            }
        });
        router.get("/console/*").handler(StaticHandler.create("web/console").setCachingEnabled(false)
                .setIndexPage("index.html"));
    }
}
